using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// "Nothing lost": the portal runs as its own process, citizens submit ratings concurrently, and the process is
/// killed (SIGKILL) in the middle. After a restart on the same database file, every receipt that was shown exists.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string dataDirectory;
    private readonly string connectionString;

    public DurabilityTests()
    {
        dataDirectory = Directory.CreateTempSubdirectory("tayninhcchc-kill-").FullName;
        connectionString = TestDatabase.Create(Path.Combine(dataDirectory, "portal.db"));
    }

    [Fact]
    public async Task Every_receipt_shown_before_a_kill_is_in_the_database_after_restart()
    {
        var port = PortalProcess.FreePort();
        var receipts = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var server = await PortalProcess.StartAsync(port, connectionString))
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
            {
                var sequence = 0;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var client = PortalProcess.NewClient(server.Address);
                        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", $"HS-KILL-{worker:D2}-{sequence++:D5}");
                        using var response = await form.PostAsync(client);
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            receipts.Add(response.Headers.Location!.ToString().Split("so=")[1]);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or Xunit.Sdk.XunitException)
                    {
                        // Requests in flight when the process dies fail; the citizen saw no receipt for them.
                    }
                }
            })).ToArray();

            await PortalProcess.WaitUntilAsync(() => receipts.Count >= 40, TimeSpan.FromSeconds(60));
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        Assert.True(receipts.Count >= 40, $"only {receipts.Count} receipts before the kill");

        using (var restarted = await PortalProcess.StartAsync(port, connectionString))
        {
            using var client = PortalProcess.NewClient(restarted.Address);
            foreach (var receipt in receipts.Take(10))
            {
                using var page = await client.GetAsync(new Uri($"/danh-gia/cam-on?so={receipt}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            await restarted.KillAsync();
        }

        var stored = (await StoredReceiptsAsync()).ToHashSet(StringComparer.Ordinal);
        var lost = receipts.Where(receipt => !stored.Contains(receipt)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {receipts.Count} acknowledged ratings lost: {string.Join(", ", lost.Take(5))}");
    }

    private async Task<List<string>> StoredReceiptsAsync()
    {
        await using PortalDbContext db = PortalFactory.Provider == "Postgres"
            ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options)
            : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString + ";Pooling=False").Options);
        return await db.Ratings.Select(rating => rating.ReceiptNumber).ToListAsync();
    }

    public void Dispose()
    {
        TestDatabase.Drop(connectionString);
        Directory.Delete(dataDirectory, recursive: true);
    }
}
