using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Benchmarks.Ingest;

/// <summary>
/// Survey ingest over real HTTP: N concurrent citizens each open <c>/danh-gia</c> (keeping the worker's connection, as a
/// reverse proxy does towards a node, but with cookies of their own), fill it in (with every hidden
/// field the page renders, the antiforgery token included) and post it. Counts acknowledged ratings — a redirect to the
/// receipt, which the portal sends only after the commit — per second, with the latency of the acknowledging POST.
/// Each citizen also does the page's proof of work (as its browser's worker would) before posting; run the portal at a
/// low <c>BotProtection:ProofOfWorkDifficulty</c> so that this client-side work stays small beside the server's.
/// </summary>
internal static partial class IngestCommand
{
    // Agencies offered for rating today (the register since 1/7/2025): a post naming an abolished one is a form error.
    private static readonly string[] Agencies = ["so-tu-phap", "so-noi-vu", "so-tai-chinh", "so-cong-thuong", "so-nong-nghiep-va-moi-truong", "so-giao-duc-va-dao-tao", "phuong-long-hoa"];

    public static int Run(string[] args)
    {
        var options = new Arguments(args, []);
        var url = options.String("url") ?? throw new ArgumentException("usage: ingest --url http://127.0.0.1:PORT[,http://…] [--clients 32] [--seconds 20] [--warmup 5]");
        var targets = url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToArray();
        var clients = options.Int("clients", 32);
        var seconds = options.Int("seconds", 20);
        var warmup = options.Int("warmup", 5);

        Console.WriteLine($"ingest: {clients} clients against {string.Join(", ", targets.Select(t => t.ToString()))}, {warmup} s warm-up, {seconds} s measured");
        var result = RunAsync(targets, clients, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
        Console.WriteLine(result.Describe());
        if (options.String("csv") is { } csv)
        {
            File.AppendAllText(csv, string.Create(CultureInfo.InvariantCulture, $"{result.Acknowledged},{result.Failed},{result.PerSecond:F1},{result.P50:F2},{result.P99:F2}\n"));
        }

        return result.Acknowledged > 0 ? 0 : 1;
    }

    internal sealed record IngestResult(int Acknowledged, int Failed, double Seconds, double P50, double P99)
    {
        public double PerSecond => Acknowledged / Seconds;

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"acknowledged {Acknowledged:N0} in {Seconds:F1} s = {PerSecond:N0}/s; failed {Failed:N0}; POST latency p50 {P50:F1} ms, p99 {P99:F1} ms");
    }

    private static async Task<IngestResult> RunAsync(Uri[] targets, int clients, TimeSpan warmup, TimeSpan measure)
    {
        var latencies = new List<double>[clients];
        var acknowledged = new int[clients];
        var failed = new int[clients];
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var runId = Guid.NewGuid().ToString("N")[..8];

        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            latencies[worker] = [];
            var sequence = 0;
            // One connection pool per worker, as a reverse proxy keeps its connections to the node open; each citizen
            // still has cookies of its own (the antiforgery cookie is carried by hand from the GET to the POST).
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            // The TLS-terminating proxy's part: outside Development the antiforgery cookie is Secure and the form page
            // is served only to requests that came over HTTPS (a loopback proxy is trusted to say so).
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            while (Stopwatch.GetTimestamp() < measureTo)
            {
                var target = targets[(worker + sequence) % targets.Length];
                var dossier = $"BENCH-{runId}-{worker:D3}-{sequence++:D6}";
                try
                {
                    using var page = await client.GetAsync(new Uri(target, "/danh-gia"));
                    page.EnsureSuccessStatusCode();
                    var form = await page.Content.ReadAsStringAsync();
                    var cookies = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set)
                        ? set.Select(cookie => cookie.Split(';', 2)[0])
                        : []);
                    var fields = HiddenFields(form);
                    Solve(fields, form);
                    Fill(fields, dossier, worker + sequence);
                    using var content = new FormUrlEncodedContent(fields);
                    var postStart = Stopwatch.GetTimestamp();
                    using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/danh-gia")) { Content = content };
                    post.Headers.Add("Cookie", cookies);
                    using var response = await client.SendAsync(post);
                    var end = Stopwatch.GetTimestamp();
                    var ok = response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location?.ToString().Contains("cam-on", StringComparison.Ordinal) == true;
                    if (postStart >= measureFrom && end <= measureTo)
                    {
                        if (ok)
                        {
                            acknowledged[worker]++;
                            latencies[worker].Add(Stopwatch.GetElapsedTime(postStart, end).TotalMilliseconds);
                        }
                        else
                        {
                            failed[worker]++;
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (Stopwatch.GetTimestamp() >= measureFrom)
                    {
                        failed[worker]++;
                    }
                }
            }
        }))).ConfigureAwait(false);

        var all = latencies.SelectMany(list => list).Order().ToArray();
        return new IngestResult(acknowledged.Sum(), failed.Sum(), measure.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static void Fill(List<KeyValuePair<string, string>> fields, string dossier, int seed)
    {
        var random = new Random(seed);
        fields.Add(new("Input.Agency", Agencies[random.Next(Agencies.Length)]));
        fields.Add(new("Input.Channel", random.Next(3) switch { 0 => "truc-tiep", 1 => "truc-tuyen", _ => "buu-chinh" }));
        fields.Add(new("Input.Dossier", dossier));
        fields.Add(new("Input.Consent", "dong-y"));
        foreach (var index in new[] { 1, 2, 3, 4, 6, 7 })
        {
            fields.Add(new($"Input.Answers[chi-so-{index}]", random.Next(1, 3).ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(new("Input.Answers[thuan-tien]", random.Next(2, 4).ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("Input.Answers[tong-the]", random.Next(2, 4).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Finds the nonce for the page's challenge at the page's difficulty, as <c>pow-worker.js</c> does.</summary>
    private static void Solve(List<KeyValuePair<string, string>> fields, string html)
    {
        var challenge = fields.FirstOrDefault(field => field.Key == BotProtectionFields.Challenge).Value;
        var difficulty = Difficulty().Match(html) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (string.IsNullOrEmpty(challenge))
        {
            return;
        }

        fields.RemoveAll(field => field.Key == BotProtectionFields.Nonce);
        for (var nonce = 0L; ; nonce++)
        {
            var text = nonce.ToString(CultureInfo.InvariantCulture);
            if (ProofOfWorkProvider.HasEnoughWork(challenge, text, difficulty))
            {
                fields.Add(new(BotProtectionFields.Nonce, text));
                return;
            }
        }
    }

    internal static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(match => new KeyValuePair<string, string>(WebUtility.HtmlDecode(match.Groups["name"].Value), WebUtility.HtmlDecode(match.Groups["value"].Value)))
            .ToList();

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("data-difficulty=\"(\\d+)\"")]
    private static partial Regex Difficulty();

    [GeneratedRegex("""<input(?=[^>]*type="hidden")(?=[^>]*name="(?<name>[^"]*)")(?=[^>]*value="(?<value>[^"]*)")[^>]*>""")]
    private static partial Regex HiddenInput();
}
