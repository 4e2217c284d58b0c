using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>
/// The portal on a real loopback port (Kestrel), serving the repository's <c>content/</c>, with a real SQLite file in
/// a fresh temporary folder that is deleted when the server is disposed.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("tayninhcchc-e2e-").FullName;

    /// <summary>Starts Kestrel on a free port and returns the base address, ending with a slash.</summary>
    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server exposes no IServerAddressesFeature.");
        var address = addresses.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens on no address.");
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Adds demo ratings over the last 3 months (every results page then says «Dữ liệu minh họa»), so the results
    /// pages have figures, charts and tables to check in the browser.
    /// </summary>
    public async Task SeedDemoRatingsAsync()
    {
        var code = await DemoSeedCommand.RunAsync(Services, Services.GetRequiredService<IHostEnvironment>(), new DemoSeedOptions(1000, 3, 20190404, AllowProduction: false), TextWriter.Null);
        if (code != DemoSeedCommand.Success)
        {
            throw new InvalidOperationException($"seed-demo ended with exit code {code}.");
        }
    }

    /// <summary>
    /// Creates an agency staff account through <see cref="PortalAccounts"/>, the code path of the <c>create-user</c>
    /// command, with a random password drawn for this run (the portal has no default account or password).
    /// </summary>
    public async Task<StaffAccount> CreateStaffAccountAsync(string agencyCode)
    {
        var email = $"e2e.{RandomNumberGenerator.GetHexString(8, lowercase: true)}@tayninh.gov.vn";
        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<PortalAccounts>();
        var result = await accounts.CreateAsync(
            new NewAccount(email, $"Cán bộ kiểm thử {agencyCode}", PortalRoles.AgencyStaff, agencyCode), password, mustChangePassword: false, actor: "e2e");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The staff account was not created: {string.Join("; ", result.Errors)}");
        }

        return new StaffAccount(email, password);
    }

    /// <summary>
    /// Why the rating behind <paramref name="receipt"/> was flagged (null: it passed every anti-bot check, so the
    /// browser's Web Worker really did the proof of work).
    /// </summary>
    public async Task<string?> FlagReasonsAsync(string receipt)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings
            .Where(rating => rating.ReceiptNumber == receipt)
            .Select(rating => rating.FlagReasons)
            .SingleAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Content:Root", RepositoryPaths.Content);
        builder.UseSetting("Content:WatchForChanges", "false");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(dataDirectory, "portal.db")}");
        // The proof of work keeps its real difficulty, solved by the page's worker in Chromium. A robot filling the form
        // is faster than the minimum fill time, and every journey posts from one address, so those two are lifted.
        builder.UseSetting("BotProtection:MinimumFillTime", "00:00:00");
        builder.UseSetting("BotProtection:PermitsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The demo seed gives each of some 40 agencies about 8 ratings a month, under the default minimum n of 30 below
        // which results are withheld: with 5 the browser sees published figures and charts (the withheld state is
        // covered by SmallCountDisclosureTests).
        builder.UseSetting("Survey:MinimumRatingsForRanking", "5");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open is left for the temp cleaner; no test outcome depends on it.
        }
    }
}

/// <summary>A dashboard account created for a test: the e-mail and the password to sign in with.</summary>
public sealed record StaffAccount(string Email, string Password);
