using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>A rating stored through the real recorder: its row id and receipt.</summary>
internal sealed record SeededRating(long Id, string Receipt);

/// <summary>Accounts, sign-in and ratings for dashboard tests, all through the portal's own services and forms.</summary>
internal static class Dashboard
{
    /// <summary>Passes every password rule; the tests' accounts all use it.</summary>
    public const string Password = "mây trắng bay qua núi Bà Đen";

    /// <summary>Dashboard cookies are Secure outside Development, so the test client speaks HTTPS.</summary>
    public static HttpClient CreateDashboardClient(this PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>Two agencies operating on the test clock's date, in directory order.</summary>
    public static (string A, string B) TwoAgencies(this PortalFactory portal) => (portal.AgencyAt(0), portal.AgencyAt(1));

    /// <summary>The n-th agency operating on the test clock's date: tests that count use an agency of their own.</summary>
    public static string AgencyAt(this PortalFactory portal, int index)
    {
        var today = VietnamClock.Today(portal.Time);
        return portal.Services.GetRequiredService<ContentLibrary>().Current.Agencies
            .Where(agency => agency.IsValidOn(today))
            .Select(agency => agency.Code)
            .ElementAt(index);
    }

    public static IReadOnlyList<string> ProcedureCodes(this PortalFactory portal, int count) =>
        portal.Services.GetRequiredService<ContentLibrary>().Current.Procedures.All.Select(procedure => procedure.Code).Take(count).ToList();

    public static async Task<string> CreateUserAsync(this PortalFactory portal, string role, string? agency = null, string? email = null, bool mustChangePassword = false)
    {
        email ??= $"{(agency ?? "admin").ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@tayninh.gov.vn";
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<PortalAccounts>();
        var result = await accounts.CreateAsync(new NewAccount(email, $"Cán bộ {agency ?? "quản trị"}", role, agency), Password, mustChangePassword, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return email;
    }

    /// <summary>Signs in through the real form; the returned client carries the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this PortalFactory portal, string email, string password = Password)
    {
        var client = portal.CreateDashboardClient();
        using var response = await client.SubmitSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpClient> SignInNewUserAsync(this PortalFactory portal, string role, string? agency = null) =>
        await portal.SignInAsync(await portal.CreateUserAsync(role, agency));

    public static Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient client, string email, string password, string url = "/quan-tri/dang-nhap") =>
        client.SubmitAsync(url, Forms.Main, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Stores a rating through <see cref="RatingRecorder"/> (tallies included): satisfied everywhere, or not satisfied
    /// on the overall question with a reason.
    /// </summary>
    public static async Task<SeededRating> AddRatingAsync(
        this PortalFactory portal, string agency, string? procedure = null, string? comment = null, bool satisfied = true, IReadOnlyList<string>? flags = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<CriteriaRegistry>();
        var set = await registry.CurrentAsync(db) ?? throw new InvalidOperationException("No criteria set in force.");
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var criterion in set.Criteria)
        {
            var option = !satisfied && criterion.IsOverall
                ? criterion.Options.First(candidate => candidate.ReasonRequired)
                : criterion.Options.First(candidate => !candidate.ReasonRequired);
            answers[criterion.Code] = option.Value;
            if (option.ReasonRequired)
            {
                reasons[criterion.Code] = "Phải chờ lâu, gọi 0912345678 không ai nghe";
            }
        }

        var submission = new RatingSubmission(agency, procedure, null, RatingChannel.Online, answers, reasons, comment, "203.0.113.7", flags ?? []);
        var result = await scope.ServiceProvider.GetRequiredService<RatingRecorder>().RecordAsync(set, submission);
        Assert.True(result.Saved);
        var id = await db.Ratings.Where(rating => rating.ReceiptNumber == result.ReceiptNumber).Select(rating => rating.Id).SingleAsync();
        return new SeededRating(id, result.ReceiptNumber!);
    }

    /// <summary>Runs <paramref name="query"/> against a fresh context, outside any request.</summary>
    public static async Task<T> QueryAsync<T>(this PortalFactory portal, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<List<AuditEntry>> AuditAsync(this PortalFactory portal, AuditAction action) =>
        portal.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(entry => entry.Action == action).OrderBy(entry => entry.Id).ToListAsync());

    public static async Task<PortalUser> UserAsync(this PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;
}
