using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>Two agencies, a staff member of each, an administrator, and ratings on both sides.</summary>
public sealed class TwoAgencies : IAsyncLifetime
{
    public const string SecretOfB = "Góp ý riêng của cơ quan B";
    public const string FlaggedOfB = "Phiếu bị gắn cờ của cơ quan B";

    public PortalFactory Portal { get; } = new();

    public string A { get; private set; } = string.Empty;

    public string B { get; private set; } = string.Empty;

    public string StaffOfA { get; private set; } = string.Empty;

    public string StaffOfB { get; private set; } = string.Empty;

    public string Administrator { get; private set; } = string.Empty;

    internal SeededRating RatingOfA { get; private set; } = null!;

    internal SeededRating RatingOfB { get; private set; } = null!;

    internal SeededRating FlaggedOfA { get; private set; } = null!;

    internal SeededRating FlaggedRatingOfB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (A, B) = Portal.TwoAgencies();
        StaffOfA = await Portal.CreateUserAsync(PortalRoles.AgencyStaff, A);
        StaffOfB = await Portal.CreateUserAsync(PortalRoles.AgencyStaff, B);
        Administrator = await Portal.CreateUserAsync(PortalRoles.Administrator);
        RatingOfA = await Portal.AddRatingAsync(A, comment: "Góp ý của cơ quan A");
        RatingOfB = await Portal.AddRatingAsync(B, comment: SecretOfB, satisfied: false);
        FlaggedOfA = await Portal.AddRatingAsync(A, comment: "Phiếu bị gắn cờ của cơ quan A", flags: ["too-fast"]);
        FlaggedRatingOfB = await Portal.AddRatingAsync(B, comment: FlaggedOfB, flags: ["missing-token"]);
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class AuthorizationMatrixTests(TwoAgencies data) : IClassFixture<TwoAgencies>
{
    private PortalFactory Portal => data.Portal;

    /// <summary>Requests staff of agency A might make at agency B's data; {B}, {rating}, {flagged}, {user} are filled in.</summary>
    public static TheoryData<string, string, string> CrossAgencyRequests => new()
    {
        { "GET", "/quan-tri?co-quan={B}", "" },
        { "GET", "/quan-tri/gop-y?co-quan={B}", "" },
        { "GET", "/quan-tri/gop-y/{rating}", "" },
        { "GET", "/quan-tri/gop-y/{rating}?co-quan={B}", "" },
        { "GET", "/quan-tri/gop-y/{flagged}", "" },
        { "GET", "/quan-tri/gop-y/{flaggedOfA}", "" },
        { "POST", "/quan-tri/gop-y/{rating}?handler=State", "NewState=da-phan-hoi" },
        { "POST", "/quan-tri/gop-y/{rating}?handler=Note", "NoteText=ghi chú lạ" },
        { "POST", "/quan-tri/gop-y/{ratingOfA}?handler=State", "NewState=da-xem&co-quan={B}" },
        { "GET", "/quan-tri/xuat?co-quan={B}", "" },
        { "POST", "/quan-tri/xuat", "co-quan={B}&Input.From=2026-11-01&Input.To=2026-11-30&Input.Format=csv" },
        { "POST", "/quan-tri/xuat", "co-quan={B}&Input.From=2026-11-01&Input.To=2026-11-30&Input.Format=xlsx" },
        { "POST", "/quan-tri/xuat?co-quan={B}", "Input.From=2026-11-01&Input.To=2026-11-30&Input.Format=csv" },
        { "GET", "/quan-tri/kiem-duyet", "" },
        { "POST", "/quan-tri/kiem-duyet?handler=Accept&id={flagged}", "" },
        { "POST", "/quan-tri/kiem-duyet?handler=Reject&id={flagged}", "" },
        { "GET", "/quan-tri/nguoi-dung", "" },
        { "POST", "/quan-tri/nguoi-dung?handler=Create", "Input.Email=moi@tayninh.gov.vn&Input.Name=Người mới&Input.Role=quan-tri" },
        { "POST", "/quan-tri/nguoi-dung?handler=Lock&id={user}", "" },
        { "POST", "/quan-tri/nguoi-dung?handler=Reset&id={user}", "" },
        { "GET", "/quan-tri/nhat-ky", "" },
        { "GET", "/quan-tri/nhat-ky?co-quan={B}", "" },
    };

    [Theory]
    [MemberData(nameof(CrossAgencyRequests))]
    public async Task Staff_of_agency_A_never_get_agency_B_data_nor_change_it(string method, string url, string form)
    {
        using var client = await Portal.SignInAsync(data.StaffOfA);
        var token = (await client.GetDocumentAsync($"/quan-tri/gop-y/{data.RatingOfA.Id}")).Token();
        var userOfB = (await Portal.UserAsync(data.StaffOfB)).Id;
        string Fill(string text) => text
            .Replace("{B}", data.B, StringComparison.Ordinal)
            .Replace("{ratingOfA}", data.RatingOfA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{flaggedOfA}", data.FlaggedOfA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{rating}", data.RatingOfB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{flagged}", data.FlaggedRatingOfB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", userOfB, StringComparison.Ordinal);
        var before = await SnapshotAsync();

        using var response = method == "GET"
            ? await client.GetAsync(new Uri(Fill(url), UriKind.Relative))
            : await client.PostWithTokenAsync(Fill(url), token, Fill(form).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1]));

        var body = await response.Content.ReadAsStringAsync();
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.Location()!.Contains("/quan-tri/khong-co-quyen", StringComparison.Ordinal));
        Assert.True(denied, $"{method} {Fill(url)} answered {(int)response.StatusCode} {response.Location()}");
        Assert.DoesNotContain(data.RatingOfB.Receipt, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoAgencies.SecretOfB, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoAgencies.FlaggedOfB, body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Staff_see_only_their_own_agency_in_the_overview_inbox_and_export()
    {
        using var client = await Portal.SignInAsync(data.StaffOfA);

        var overview = await client.GetDocumentAsync("/quan-tri");
        var inbox = await client.GetDocumentAsync("/quan-tri/gop-y");
        using var export = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string> { ["Input.Format"] = "csv" });
        var csv = await export.Content.ReadAsStringAsync();

        Assert.Null(overview.QuerySelector("select#co-quan"));
        Assert.Contains(data.RatingOfA.Receipt, inbox.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(data.RatingOfB.Receipt, inbox.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(data.FlaggedOfA.Receipt, inbox.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(data.RatingOfA.Receipt, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(data.RatingOfB.Receipt, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(data.FlaggedOfA.Receipt, csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quan-tri/kiem-duyet")]
    [InlineData("/quan-tri/nguoi-dung")]
    [InlineData("/quan-tri/nhat-ky")]
    public async Task Staff_are_turned_away_from_administrator_pages_in_Vietnamese(string url)
    {
        using var client = await Portal.SignInAsync(data.StaffOfA);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var denied = await client.GetAsync(new Uri(response.Location()!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/khong-co-quyen", response.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Không có quyền truy cập", (await Html.ParseAsync(denied)).Text("h1"));
    }

    [Fact]
    public async Task Administrators_reach_every_page_and_every_agency()
    {
        using var client = await Portal.SignInAsync(data.Administrator);

        foreach (var url in new[]
        {
            "/quan-tri", $"/quan-tri?co-quan={data.B}", "/quan-tri/gop-y", $"/quan-tri/gop-y?co-quan={data.B}",
            $"/quan-tri/gop-y/{data.RatingOfB.Id}", $"/quan-tri/gop-y/{data.RatingOfB.Id}?co-quan={data.B}", "/quan-tri/xuat",
            "/quan-tri/kiem-duyet", "/quan-tri/nguoi-dung", "/quan-tri/nhat-ky", "/quan-tri/doi-mat-khau",
        })
        {
            await client.GetDocumentAsync(url);
        }

        var review = await client.GetDocumentAsync("/quan-tri/kiem-duyet");
        var inboxOfB = await client.GetDocumentAsync($"/quan-tri/gop-y?co-quan={data.B}");
        Assert.Contains(data.FlaggedRatingOfB.Receipt, review.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(TwoAgencies.SecretOfB, inboxOfB.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(data.RatingOfA.Receipt, inboxOfB.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_asking_for_an_unknown_agency_gets_404()
    {
        using var client = await Portal.SignInAsync(data.Administrator);

        using var response = await client.GetAsync(new Uri("/quan-tri?co-quan=khong-ton-tai", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Every_signed_in_dashboard_page_resolves_its_scope_through_StaffPageModel()
    {
        var open = new[] { typeof(Web.Pages.QuanTri.DangNhapModel), typeof(Web.Pages.QuanTri.KhongCoQuyenModel) };
        var pages = typeof(Web.Dashboard.StaffPageModel).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("TayNinhCchc.Web.Pages.QuanTri", StringComparison.Ordinal) == true
                && typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(type))
            .Except(open)
            .ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(page.IsSubclassOf(typeof(Web.Dashboard.StaffPageModel)), page.Name));
    }

    /// <summary>Everything a cross-agency request could have changed.</summary>
    private Task<string> SnapshotAsync() => Portal.QueryAsync(async db =>
    {
        var ratings = await db.Ratings.AsNoTracking()
            .OrderBy(rating => rating.Id)
            .Select(rating => $"{rating.Id}:{rating.CommentState}:{rating.ReviewState}:{rating.CountsInStatistics}")
            .ToListAsync();
        var notes = await db.RatingNotes.CountAsync();
        var users = await db.Users.AsNoTracking().OrderBy(user => user.Email).Select(user => $"{user.Email}:{user.LockoutEnd}:{user.PasswordHash}").ToListAsync();
        var tallies = await db.RatingTallies.SumAsync(tally => tally.Ratings);
        return string.Join('|', ratings) + $"|notes={notes}|" + string.Join('|', users) + $"|tallies={tallies}";
    });
}
