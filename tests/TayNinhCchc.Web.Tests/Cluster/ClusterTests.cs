using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Tests.Pages.DanhGia;

namespace TayNinhCchc.Web.Tests.Cluster;

/// <summary>
/// Two stateless portal nodes on two loopback ports behind nginx (round-robin), one PostgreSQL database: a citizen's
/// form served by one node is accepted by the other, and losing a node under load loses no acknowledged rating.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed class ClusterTests : IDisposable
{
    private readonly string connectionString = TestDatabase.Create(sqliteFile: "unused");

    [PostgresFact]
    public async Task A_form_from_one_node_is_accepted_by_the_other_and_losing_a_node_loses_no_acknowledged_rating()
    {
        using var first = await PortalProcess.StartAsync(PortalProcess.FreePort(), connectionString);
        using var second = await PortalProcess.StartAsync(PortalProcess.FreePort(), connectionString, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        using var balancer = await LoadBalancer.StartAsync([first, second]);

        string? journeyReceipt = null;
        var replayReceipts = new List<string>();

        // The journey: GET on one node, POST on the other (antiforgery and Data Protection keys are shared).
        using (var citizen = PortalProcess.NewClient(balancer.Address))
        {
            HttpResponseMessage? post = null;
            SurveyForm? sentForm = null;
            string? formNode = null;
            for (var attempt = 0; attempt < 4 && post is null; attempt++)
            {
                using var page = await citizen.GetAsync(new Uri("/danh-gia", UriKind.Relative));
                formNode = LoadBalancer.NodeOf(page);
                var form = (await SurveyForm.FromResponseAsync(page)).With(SurveyForm.Valid).Set("Input.Dossier", $"HS-CLUSTER-JOURNEY-{attempt}");
                var response = await form.PostAsync(citizen);
                if (LoadBalancer.NodeOf(response) != formNode)
                {
                    post = response;
                    sentForm = form;
                }
                else
                {
                    response.Dispose();
                }
            }

            Assert.NotNull(post);
            using (post)
            {
                Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
                Assert.NotEqual(formNode, LoadBalancer.NodeOf(post));
                using var receipt = await citizen.GetAsync(post.Headers.Location);
                Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
                journeyReceipt = Receipt(post);
            }

            // The challenge it spent is spent on every node: sent again to each, it is stored flagged as replayed.
            foreach (var node in new[] { first, second })
            {
                using var replay = await sentForm!.Set("Input.Dossier", $"HS-CLUSTER-REPLAY-{node.Port}").PostAsync(citizen, new Uri(node.Address, "/danh-gia").ToString());
                Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
                replayReceipts.Add(Receipt(replay));
            }
        }

        // Under load, one node is killed.
        var acknowledged = new ConcurrentBag<(string Receipt, bool AfterKill)>();
        var killed = false;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 12).Select(worker => Task.Run(async () =>
        {
            for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
            {
                try
                {
                    using var client = PortalProcess.NewClient(balancer.Address);
                    var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", $"HS-CLUSTER-{worker:D2}-{sequence:D5}");
                    var afterKill = Volatile.Read(ref killed);
                    using var response = await form.PostAsync(client);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add((response.Headers.Location!.ToString().Split("so=")[1], afterKill));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or Xunit.Sdk.XunitException)
                {
                    // Only requests in flight on the killed node may fail; they never showed a receipt.
                }
            }
        })).ToArray();

        await PortalProcess.WaitUntilAsync(() => acknowledged.Count >= 60, TimeSpan.FromSeconds(90));
        await first.KillAsync();
        Volatile.Write(ref killed, true);
        await PortalProcess.WaitUntilAsync(() => acknowledged.Count(item => item.AfterKill) >= 40, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        // The surviving node keeps serving everything.
        using (var citizen = PortalProcess.NewClient(balancer.Address))
        {
            for (var i = 0; i < 10; i++)
            {
                using var page = await citizen.GetAsync(new Uri("/danh-gia", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal($"127.0.0.1:{second.Port}", LoadBalancer.NodeOf(page));
            }
        }

        await using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options);
        var stored = (await db.Ratings.Select(rating => rating.ReceiptNumber).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(item => !stored.Contains(item.Receipt)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged ratings are missing");
        Assert.Equal(stored.Count, await db.Ratings.Select(rating => rating.DossierHash).Distinct().CountAsync());
        // The proof of work from one node was accepted by the other (one signing key for all), and replays by neither.
        Assert.Null(await db.Ratings.Where(rating => rating.ReceiptNumber == journeyReceipt).Select(rating => rating.FlagReasons).SingleAsync());
        Assert.Equal(["replayed", "replayed"], await db.Ratings.Where(rating => replayReceipts.Contains(rating.ReceiptNumber)).Select(rating => rating.FlagReasons).ToListAsync());
    }

    private static string Receipt(HttpResponseMessage response) =>
        response.Headers.Location!.ToString().Split("so=")[1];

    public void Dispose() => TestDatabase.Drop(connectionString);
}
