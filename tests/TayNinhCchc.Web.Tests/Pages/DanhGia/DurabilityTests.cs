using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
        var port = FreePort();
        var receipts = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var server = await StartAsync(port))
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
            {
                var sequence = 0;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var client = NewClient(port);
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

            await WaitUntilAsync(() => receipts.Count >= 40, TimeSpan.FromSeconds(60));
            server.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        Assert.True(receipts.Count >= 40, $"only {receipts.Count} receipts before the kill");

        using (var restarted = await StartAsync(port))
        {
            using var client = NewClient(port);
            foreach (var receipt in receipts.Take(10))
            {
                using var page = await client.GetAsync(new Uri($"/danh-gia/cam-on?so={receipt}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }

        var stored = (await StoredReceiptsAsync()).ToHashSet(StringComparer.Ordinal);
        var lost = receipts.Where(receipt => !stored.Contains(receipt)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {receipts.Count} acknowledged ratings lost: {string.Join(", ", lost.Take(5))}");
    }

    private async Task<Process> StartAsync(int port)
    {
        var bin = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bin, "TayNinhCchc.Web.dll")])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = PortalFactory.Provider;
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Content__Root"] = RepositoryPaths.Content;
        start.Environment["Content__WatchForChanges"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = NewClient(port);
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return health.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        return process;
    }

    private static HttpClient NewClient(int port) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
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
