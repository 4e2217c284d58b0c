namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>
/// What the browser tests need on the machine: Debian Chromium and axe-core. Missing pieces skip the tests on a
/// developer machine; under <c>CI=true</c> nothing is skipped, so a missing piece makes the tests fail.
/// </summary>
internal static class BrowserRequirements
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>axe-core script: <c>AXE_CORE_PATH</c>, else the copy npm installs under <c>tests/node_modules</c>.</summary>
    public static string AxeCorePath { get; } =
        Environment.GetEnvironmentVariable("AXE_CORE_PATH") is { Length: > 0 } path ? path : RepositoryPaths.DefaultAxeCore;

    public static bool IsCi { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>What is missing, whether or not the tests may be skipped for it; <c>null</c> when nothing is.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>Why the browser tests are skipped, or <c>null</c> when they run.</summary>
    public static string? SkipReason => IsCi ? null : Missing;

    private static string? FindMissing()
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"Chromium not found at {ChromiumPath}; run tests/run.sh to install it";
        }

        if (!File.Exists(AxeCorePath))
        {
            return $"axe-core not found at {AxeCorePath}; run tests/run.sh to install it";
        }

        return null;
    }
}

/// <summary>A browser test: skipped (with the reason) when Chromium or axe-core is missing, unless <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserRequirements.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A browser theory (one run per viewport): skipped like <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserRequirements.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
