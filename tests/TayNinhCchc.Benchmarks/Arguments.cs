using System.Globalization;

namespace TayNinhCchc.Benchmarks;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing for the few commands of this tool.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args, IEnumerable<string> flags)
    {
        var flagSet = flags.ToHashSet(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }

            var name = arg[2..];
            if (flagSet.Contains(name))
            {
                values[name] = null;
            }
            else if (e.MoveNext())
            {
                values[name] = e.Current;
            }
            else
            {
                throw new ArgumentException($"Option '{arg}' needs a value.");
            }
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.GetValueOrDefault(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        values.GetValueOrDefault(name) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => int.Parse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture))
                .ToList()
            : fallback;
}
