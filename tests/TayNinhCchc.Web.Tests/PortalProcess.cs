using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TayNinhCchc.Web.Tests;

/// <summary>
/// The portal as its own operating-system process (the build output's TayNinhCchc.Web.dll), for what an in-process
/// test server cannot show: being killed with SIGKILL, or several nodes sharing one database.
/// </summary>
internal sealed class PortalProcess : IDisposable
{
    private readonly Process process;

    private PortalProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<PortalProcess> StartAsync(int port, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
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
        // Many submissions from one loopback client within seconds: cheap work, no fill-time wait, no rate limit.
        start.Environment["BotProtection__ProofOfWorkDifficulty"] = "4";
        start.Environment["BotProtection__MinimumFillTime"] = "00:00:00";
        start.Environment["BotProtection__PermitsPerMinute"] = "100000";
        foreach (var (key, value) in TestKeys.Settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var node = new PortalProcess(process, port);
        using var client = NewClient(node.Address);
        await WaitUntilAsync(async () =>
        {
            Assert.False(process.HasExited, $"the portal process exited with code {(process.HasExited ? process.ExitCode : 0)}");
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
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no flush, requests in flight die with it.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>
    /// A fresh browser: its own cookies, no automatic redirects. It reaches the process over plain HTTP on loopback
    /// where production has the TLS-terminating proxy, so it does that proxy's part: it says the request came over
    /// HTTPS (loopback is a known proxy) and keeps cookies as a browser on the HTTPS site does, so the Secure ones (the
    /// antiforgery cookie, outside Development) still go back.
    /// </summary>
    public static HttpClient NewClient(Uri address) => new(new SiteOverHttps { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>X-Forwarded-Proto: https, and cookies stored and sent as for the https:// form of each address.</summary>
    private sealed class SiteOverHttps : DelegatingHandler
    {
        private readonly CookieContainer cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var site = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttps }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            var header = cookies.GetCookieHeader(site);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(site, value);
                }
            }

            return response;
        }
    }
}
