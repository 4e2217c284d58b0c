using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Content;

/// <summary>The shipped agency register (content/co-quan.yml) against what its sources say.</summary>
public sealed class AgencyRegisterTests
{
    private static readonly DateOnly LastOldDay = new(2025, 6, 30);
    private static readonly DateOnly FirstNewDay = new(2025, 7, 1);

    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void The_96_communes_of_resolution_1682_start_on_1_july_2025_and_cite_their_clause()
    {
        var communes = Shipped.AgencyRecords.Where(agency => agency.Kind == AgencyKind.Commune).ToList();

        Assert.Equal(96, communes.Count);
        Assert.Equal(82, communes.Count(agency => agency.Name.StartsWith("Ủy ban nhân dân xã ", StringComparison.Ordinal)));
        Assert.Equal(14, communes.Count(agency => agency.Name.StartsWith("Ủy ban nhân dân phường ", StringComparison.Ordinal)));
        Assert.All(communes, agency =>
        {
            Assert.Equal(FirstNewDay, agency.ValidFrom);
            Assert.StartsWith("Nghị quyết 1682/NQ-UBTVQH15 ngày 16/6/2025, Điều 1 khoản ", agency.Source, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(agency.FormedFrom));
            Assert.NotEmpty(agency.FormerUnits);
            Assert.True(agency.ReceivesDossiers);
        });
        Assert.Equal(96, communes.Select(agency => agency.Source).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Long_hoa_keeps_the_resolution_wording_and_its_former_communes()
    {
        var longHoa = Shipped.AgenciesByCode["phuong-long-hoa"];

        Assert.Equal("phường Long Thành Bắc, phường Long Hoa và các xã Trường Hòa, Trường Tây, Trường Đông", longHoa.FormedFrom);
        Assert.Contains(longHoa.FormerUnits, unit => unit.Name == "xã Trường Tây" && unit.Share == UnitShare.Whole);
        var vinhHung = Shipped.AgenciesByCode["xa-vinh-hung"];
        Assert.Contains(vinhHung.FormerUnits, unit => unit.Name == "xã Vĩnh Trị" && unit.Share == UnitShare.Part);
        Assert.Contains(vinhHung.FormerUnits, unit => unit.Name == "xã Vĩnh Bình" && unit.Share == UnitShare.Remainder);
    }

    [Fact]
    public void Offered_agencies_change_on_1_july_2025_and_never_include_bodies_without_dossiers()
    {
        var before = Shipped.RateableOn(LastOldDay).Select(agency => agency.Code).ToHashSet(StringComparer.Ordinal);
        var after = Shipped.RateableOn(FirstNewDay).Select(agency => agency.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("so-tai-nguyen-va-moi-truong", before);
        Assert.Contains("ubnd-huyen-go-dau", before);
        Assert.Contains("cuc-thue", before);
        Assert.DoesNotContain("phuong-long-hoa", before);

        Assert.Contains("phuong-long-hoa", after);
        Assert.Contains("so-nong-nghiep-va-moi-truong", after);
        Assert.Contains("thue-tinh-tay-ninh", after);
        Assert.Contains("trung-tam-phuc-vu-hanh-chinh-cong-tinh", after);
        Assert.Contains("so-noi-vu", after);
        foreach (var gone in new[] { "so-tai-nguyen-va-moi-truong", "so-thong-tin-va-truyen-thong", "cuc-thue", "ubnd-huyen-go-dau" })
        {
            Assert.DoesNotContain(gone, after);
        }

        foreach (var never in new[] { "hdnd-tinh", "doan-dbqh-tinh", "ban-chi-dao-cchc-tinh", "bao-tay-ninh", "dai-pt-th-tay-ninh", "bao-va-phat-thanh-truyen-hinh-tay-ninh", "ubnd-tinh", "ubnd-tinh-tay-ninh-2025" })
        {
            Assert.DoesNotContain(never, before);
            Assert.DoesNotContain(never, after);
        }

        // Today (06/12/2026): 14 departments, the provincial centre, 96 communes, Thuế tỉnh.
        var today = Shipped.RateableOn(new DateOnly(2026, 12, 6)).ToList();
        Assert.Equal(14, today.Count(agency => agency.Kind == AgencyKind.Department));
        Assert.Equal(96, today.Count(agency => agency.Kind == AgencyKind.Commune));
        Assert.Equal(["trung-tam-phuc-vu-hanh-chinh-cong-tinh"], today.Where(agency => agency.Kind == AgencyKind.ServiceCentre).Select(agency => agency.Code));
        Assert.Equal(["thue-tinh-tay-ninh"], today.Where(agency => agency.Kind == AgencyKind.LineAgency).Select(agency => agency.Code));
    }

    [Fact]
    public void Every_offered_agency_is_in_exactly_one_existing_results_group_on_each_day()
    {
        for (var day = new DateOnly(2025, 6, 1); day <= new DateOnly(2025, 8, 1); day = day.AddDays(1))
        {
            foreach (var agency in Shipped.RateableOn(day))
            {
                var groups = RankingGroups.All.Where(group => group.Includes(agency) && group.ExistsOn(day)).ToList();
                Assert.Single(groups);
            }
        }
    }

    [Fact]
    public void Every_record_cites_a_source_and_ended_records_say_what_came_next()
    {
        Assert.All(Shipped.AgencyRecords, agency =>
        {
            Assert.False(string.IsNullOrWhiteSpace(agency.Source));
            if (agency.ValidTo is { } end)
            {
                Assert.True(
                    agency.Successors.Count > 0 || agency.SuccessorUnknown || Shipped.AgencyOn(agency.Code, end.AddDays(1)) is not null,
                    $"{agency.Code} ends on {end} without successors");
            }
        });
        Assert.True(Shipped.AgenciesByCode["so-tai-nguyen-va-moi-truong"].SuccessorUnknown);
        Assert.Equal("thue-tinh-tay-ninh", Assert.Single(Shipped.AgenciesByCode["cuc-thue"].Successors).Code);
        Assert.Null(Assert.Single(Shipped.AgenciesByCode["cuc-thue"].Successors).Date);
    }
}
