using System.Diagnostics;

namespace TayNinhCchc.Web.Tests.Cluster;

/// <summary>
/// Debian's nginx in front of several portal nodes, round-robin, on a loopback port; every response says which node
/// served it (<c>X-Portal-Node</c>). Idempotent requests are retried on the other node when one is down; a POST is
/// not, as a real deployment must not submit a rating twice.
/// </summary>
internal sealed class LoadBalancer : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly string folder;

    private LoadBalancer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<LoadBalancer> StartAsync(IEnumerable<PortalProcess> nodes)
    {
        var folder = Directory.CreateTempSubdirectory("tayninhcchc-nginx-").FullName;
        var port = PortalProcess.FreePort();
        var servers = string.Join("\n", nodes.Select(node => $"        server 127.0.0.1:{node.Port} max_fails=1 fail_timeout=30s;"));
        var config = $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream portal {
            {{servers}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://portal;
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_next_upstream error timeout;
                        proxy_connect_timeout 2s;
                        add_header X-Portal-Node $upstream_addr always;
                    }
                }
            }
            """;
        var path = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-c", path, "-p", folder, "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var balancer = new LoadBalancer(process, folder, port);
        using var client = PortalProcess.NewClient(balancer.Address);
        await PortalProcess.WaitUntilAsync(async () =>
        {
            Assert.False(process.HasExited, "nginx exited: " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return health.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20));
        return balancer;
    }

    public static string? NodeOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Portal-Node", out var values) ? values.Last().Split(',').Last().Trim() : null;

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
