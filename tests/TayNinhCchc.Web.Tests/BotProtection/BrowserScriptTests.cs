using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>
/// wwwroot/js/pow-worker.js run by Node.js: its SHA-256 against .NET's, and a nonce it finds accepted by the server.
/// The submit-holding script (bot-protection.js) needs a DOM and is left to the browser tests of the pages that use it.
/// </summary>
public sealed class BrowserScriptTests(ProbePortalFixture fixture) : IClassFixture<ProbePortalFixture>
{
    // Loads the worker into a fresh context whose global object plays the worker's `self`, then runs the command read
    // from stdin: hash each hex input, or answer one solve message as the page would send it.
    private const string Harness = """
        const fs = require('fs');
        const vm = require('vm');
        const context = { TextEncoder };
        context.self = context;
        vm.createContext(context);
        vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), context);
        const command = JSON.parse(fs.readFileSync(0, 'utf8'));
        if (command.hash) {
          const hex = (bytes) => Buffer.from(bytes).toString('hex');
          console.log(JSON.stringify(command.hash.map((input) => hex(context.sha256(new Uint8Array(Buffer.from(input, 'hex')))))));
        } else {
          context.postMessage = (message) => console.log(JSON.stringify(message));
          context.onmessage({ data: command.solve });
        }
        """;

    private static readonly string WorkerPath =
        Path.Combine(RepositoryPaths.Root, "src", "TayNinhCchc.Web", "wwwroot", "js", "pow-worker.js");

    [NodeFact]
    public async Task The_workers_sha256_matches_dotnet_at_every_length_across_block_boundaries()
    {
        var inputs = Enumerable.Range(0, 300).Select(length => RandomNumberGenerator.GetBytes(length)).ToList();
        inputs.Add("abc"u8.ToArray());
        inputs.Add("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8.ToArray());

        var output = await RunNodeAsync(new { hash = inputs.Select(Convert.ToHexStringLower) });

        var hashes = JsonSerializer.Deserialize<string[]>(output)!;
        Assert.Equal(inputs.Select(input => Convert.ToHexStringLower(SHA256.HashData(input))), hashes);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hashes[300]);
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", hashes[301]);
    }

    [NodeFact]
    public async Task A_nonce_found_by_the_worker_is_accepted_by_the_server()
    {
        using var client = fixture.Factory.CreateProbeClient();
        var form = await ProbeForm.OpenAsync(client);
        var box = form.Document.QuerySelector("[data-bot-protection]")!;

        var output = await RunNodeAsync(new { solve = new { token = form.Challenge, difficulty = box.GetAttribute("data-difficulty") } });
        form.Fields[BotProtectionFields.Nonce] = JsonDocument.Parse(output).RootElement.GetProperty("nonce").GetString()!;
        fixture.Portal.Time.Advance(TimeSpan.FromSeconds(20));
        var result = await form.PostAsync(client);

        Assert.True(result!.Success, string.Join(", ", result.Errors));
    }

    private static async Task<string> RunNodeAsync(object command)
    {
        var harness = Path.Combine(Path.GetTempPath(), $"pow-worker-harness-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(harness, Harness);
        try
        {
            var start = new ProcessStartInfo(NodeFactAttribute.NodePath!, [harness, WorkerPath])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            await node.StandardInput.WriteAsync(JsonSerializer.Serialize(command));
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, await errors);
            return await output;
        }
        finally
        {
            File.Delete(harness);
        }
    }
}

/// <summary>A test that needs Node.js: skipped when <c>node</c> is not on the PATH, unless <c>CI=true</c> (then it fails).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (NodePath is null && !ci)
        {
            Skip = "Node.js (node) is not on the PATH";
        }
    }

    public static string? NodePath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "node"))
        .FirstOrDefault(File.Exists);
}
