namespace TayNinhCchc.Benchmarks.Ingest;

/// <summary>Solves the form's proof-of-work challenge as the browser script would (none on the form: nothing to do).</summary>
internal static class ProofOfWork
{
    public static void SolveInto(List<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
    }
}
