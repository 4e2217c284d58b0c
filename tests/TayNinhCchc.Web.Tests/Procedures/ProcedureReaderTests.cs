using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Procedures;

public sealed class ProcedureReaderTests : IDisposable
{
    private readonly ContentFolder folder = new();

    public void Dispose() => folder.Dispose();

    private ContentSnapshot Load() => new ContentLoader(new MarkdownRenderer()).Load(folder.Root, ContentSnapshot.Empty, DateTime.UtcNow);

    [Fact]
    public void A_complete_record_loads_with_every_field()
    {
        folder.Write("thu-tuc/1.001193.md", ContentFolder.Procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", extra: """
            agencies: [so-noi-vu]
            agency_text: "UBND cấp xã"
            audiences: [Công dân Việt Nam]
            channels: [truc-tiep, truc-tuyen, buu-chinh]
            time_limit: "Ngay trong ngày"
            time_limit_days: 1
            fee: "Miễn lệ phí"
            fee_amounts: [0]
            online_level: toan-trinh
            online_level_legacy: 4
            online_url: https://dichvucong.gov.vn/
            documents:
              - name: Tờ khai đăng ký khai sinh
                originals: 1
                copies: 0
                form: Mẫu tờ khai
            last_verified: 2026-11-28

            """));

        var snapshot = Load();

        Assert.Empty(snapshot.Problems);
        var procedure = snapshot.Procedures.ByCode["1.001193"];
        Assert.Equal([SubmissionChannel.InPerson, SubmissionChannel.Online, SubmissionChannel.Post], procedure.Channels);
        Assert.Equal(OnlineLevel.Full, procedure.OnlineLevel);
        Assert.Equal(4, procedure.LegacyOnlineLevel);
        Assert.Equal(new RequiredDocument("Tờ khai đăng ký khai sinh", 1, 0, "Mẫu tờ khai"), Assert.Single(procedure.Documents));
        Assert.Equal(new DateOnly(2026, 11, 28), procedure.LastVerified);
    }

    [Theory]
    [InlineData("1001193", "", "code", "d.dddddd")]
    [InlineData("1.001193", "online_level: mot-nua\n", "online_level", "mot-nua")]
    [InlineData("1.001193", "channels: [fax]\n", "channels", "fax")]
    [InlineData("1.001193", "fee_amounts: [10.000]\n", "fee_amounts", "10.000")]
    [InlineData("1.001193", "agencies: [so-khong-co]\n", "agencies", "so-khong-co")]
    [InlineData("1.001193", "phi: 0\n", "phi", "phi")]
    [InlineData("1.001193", "online_level_legacy: 5\n", "online_level_legacy", "5")]
    [InlineData("1.001193", "online_url: javascript:alert(1)\n", "online_url", "javascript")]
    [InlineData("1.001193", "time_limit: \"Trực tuyến: 1; Dịch vụ bưu chính: 1; Trực tiếp: 1\"\n", "time_limit", "không kèm đơn vị")]
    [InlineData("1.001193", "time_limit: \"3\"\n", "time_limit", "'3' không kèm đơn vị")]
    [InlineData("1.001193", "not_published:\n  phi: \"Không rõ\"\n", "  phi", "'phi'")]
    [InlineData("1.001193", "not_published:\n  place: \"\"\n", "  place", "không được để trống")]
    [InlineData("1.001193", "levels_now: [xa]\n", "levels_now", "levels_now_source")]
    [InlineData("1.001193", "levels_now: [huyen]\nlevels_now_source: Thử\n", "levels_now", "không còn cấp huyện")]
    public void Malformed_fields_are_reported_on_their_line(string code, string extra, string key, string mentioned)
    {
        folder.Write("thu-tuc/x.md", ContentFolder.Procedure(code, "Tên", "Lĩnh vực", extra: extra));

        var problem = Assert.Single(Load().Problems);

        var text = File.ReadAllLines(Path.Combine(folder.Root, "thu-tuc/x.md"));
        Assert.StartsWith(key + ":", text[problem.Line - 1], StringComparison.Ordinal);
        Assert.Contains(mentioned, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_procedure_needs_a_level()
    {
        folder.Write("thu-tuc/x.md", ContentFolder.Procedure("1.001193", "Tên", "Lĩnh vực", levels: "[]"));

        Assert.Contains("levels", Assert.Single(Load().Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_codes_publish_the_first_file_only()
    {
        folder.Write("thu-tuc/a.md", ContentFolder.Procedure("1.001193", "Một", "Hộ tịch"));
        folder.Write("thu-tuc/b.md", ContentFolder.Procedure("1.001193", "Hai", "Hộ tịch"));

        var snapshot = Load();

        Assert.Equal("thu-tuc/b.md", Assert.Single(snapshot.Problems).Path);
        Assert.Equal("Một", snapshot.Procedures.ByCode["1.001193"].Name);
    }
}
