using Microsoft.Data.Sqlite;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>The <c>seed-demo</c> command, through its service entry and through the program's own dispatch.</summary>
// The command reads and writes a SQLite file here; on PostgreSQL it runs the same code through the same context.
[Trait("Provider", "Sqlite")]
public sealed class DemoSeedCommandTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public DemoSeedCommandTests()
    {
        folder.Write("co-quan.yml", RatedPortal.Agencies);
        folder.Write($"thu-tuc/{RatedPortal.Procedure}.md", ContentFolder.Procedure(RatedPortal.Procedure, "Thủ tục đăng ký khai sinh", "Hộ tịch", extra: "agencies: [so-noi-vu]\n"));
        RatedPortal.CopyCriteria(folder);
        portal = PortalFactory.ForContent(folder.Root);
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Refuses_in_production_and_writes_nothing()
    {
        using var output = new StringWriter();

        var code = await DemoSeedCommand.RunAsync(portal.Services, portal.Services.GetRequiredService<IHostEnvironment>(), Options(), output);

        Assert.Equal("Production", portal.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Equal(DemoSeedCommand.Refused, code);
        Assert.Contains("--allow-production", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Ratings"));
    }

    [Fact]
    public async Task Seeds_labelled_ratings_through_the_tallies_over_agencies_in_force_and_past_months()
    {
        using var output = new StringWriter();

        var code = await DemoSeedCommand.RunAsync(portal.Services, Environment("Development"), Options(), output);

        Assert.Equal(DemoSeedCommand.Success, code);
        Assert.Contains("Đã thêm 120 phiếu minh họa", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(120, await CountAsync("SELECT COUNT(*) FROM Ratings WHERE IsDemo = 1 AND CountsInStatistics = 1 AND ReceiptNumber LIKE 'DEMO-%'"));
        Assert.Equal(120, await CountAsync("SELECT SUM(Ratings) FROM RatingTallies WHERE ProcedureCode = ''"));
        Assert.Equal(120, await CountAsync("SELECT SUM(Demo) FROM RatingTallies WHERE ProcedureCode = ''"));
        Assert.Equal(120, await CountAsync("SELECT SUM(Count) FROM AnswerTallies WHERE CriterionCode = 'tong-the'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Ratings WHERE Comment IS NOT NULL OR DossierHash IS NOT NULL OR ClientHash IS NOT NULL"));
        // Only agencies in force on 28/11/2026 (not Sở Cũ, not the district), only 06/2026–11/2026, none after now.
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Ratings WHERE AgencyCode IN ('so-cu', 'ubnd-huyen-go-dau')"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Ratings WHERE Year <> 2026 OR Month NOT BETWEEN 6 AND 11"));
        Assert.True(await CountAsync("SELECT COUNT(DISTINCT Month) FROM Ratings") > 3);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Ratings WHERE SubmittedAt > '2026-11-28 03:00:00'"));

        using var client = portal.CreatePortalClient();
        var results = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026");
        Assert.Contains("Dữ liệu minh họa.", results.Text(".notice--demo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_answers()
    {
        using var output = new StringWriter();
        await DemoSeedCommand.RunAsync(portal.Services, Environment("Development"), Options(), output);
        var first = await TalliesAsync();

        await DemoSeedCommand.RunAsync(portal.Services, Environment("Development"), Options(), output);
        var doubled = await TalliesAsync();

        Assert.Equal(first.Select(row => (row.Key, row.Count * 2)), doubled.Select(row => (row.Key, row.Count)));
        Assert.Contains("DEMO-00000121 … DEMO-00000240; trước đó đã có 120 phiếu minh họa", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--count", "0" }, "--count phải từ 1")]
    [InlineData(new[] { "--months", "x" }, "--months cần một số nguyên")]
    [InlineData(new[] { "--seed" }, "--seed cần một số nguyên")]
    public void Malformed_options_are_refused(string[] args, string message)
    {
        Assert.False(DemoSeedCommand.TryParse(args, out _, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_arguments_pass_through()
    {
        Assert.True(DemoSeedCommand.TryParse(["--environment", "Development", "--count", "7", "--allow-production", "--Content:Root=x"], out var options, out var hostArgs, out _));

        Assert.Equal(new DemoSeedOptions(7, 12, 20190404, AllowProduction: true), options);
        Assert.Equal(["--environment", "Development", "--Content:Root=x"], hostArgs);
    }

    private static DemoSeedOptions Options() => new(120, 6, 42, AllowProduction: false);

    private static TestEnvironment Environment(string name) => new() { EnvironmentName = name };

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is long value ? value : 0;
    }

    private async Task<List<(string Key, long Count)>> TalliesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT AgencyCode || '/' || Year || '/' || Month || '/' || CriterionCode || '/' || Value, Count FROM AnswerTallies ORDER BY 1";
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "TayNinhCchc.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>
/// The program's own dispatch, as <c>dotnet run -- seed-demo</c> runs it. Not in parallel with other tests: the test
/// host intercepts host building process-wide while a <c>WebApplicationFactory</c> starts.
/// </summary>
[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoSeedProgramTests : IDisposable
{
    public const string Name = "Program entry point";

    private readonly ContentFolder folder = new();
    private readonly string data = Directory.CreateTempSubdirectory("tayninhcchc-seed-").FullName;

    public DemoSeedProgramTests() => RatedPortal.CopyCriteria(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        folder.Dispose();
    }

    [Fact]
    public async Task Production_is_refused_before_the_database_is_touched()
    {
        var database = Path.Combine(data, "production.db");

        var code = await RunProgram("seed-demo", "--environment", "Production", $"--ConnectionStrings:Portal=Data Source={database}", $"--Content:Root={folder.Root}", "--Content:WatchForChanges=false");

        Assert.Equal(DemoSeedCommand.Refused, code);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Development_seeds_the_configured_database()
    {
        var database = Path.Combine(data, "development.db");

        var code = await RunProgram("seed-demo", "--count", "25", "--environment", "Development", $"--ConnectionStrings:Portal=Data Source={database}", $"--Content:Root={folder.Root}", "--Content:WatchForChanges=false");

        Assert.Equal(DemoSeedCommand.Success, code);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Ratings WHERE IsDemo = 1";
        Assert.Equal(25L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Production_seeding_when_allowed_needs_the_configured_keys_like_the_site()
    {
        var database = Path.Combine(data, "allowed.db");
        string[] common = ["seed-demo", "--count", "5", "--allow-production", "--environment", "Production", $"--ConnectionStrings:Portal=Data Source={database}", $"--Content:Root={folder.Root}", "--Content:WatchForChanges=false"];

        var refused = await Assert.ThrowsAsync<System.Reflection.TargetInvocationException>(() => RunProgram(common));
        var code = await RunProgram([.. common, .. TestKeys.Settings.Select(setting => $"--{setting.Key}={setting.Value}")]);

        Assert.Contains("Secrets:survey-dossier is not set", refused.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(DemoSeedCommand.Success, code);
    }

    // The assembly's entry point is the synchronous wrapper the compiler puts around the async top-level statements.
    private static Task<int> RunProgram(params string[] args) =>
        Task.Run(() => (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [args])!);
}
