using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Tests;

/// <summary>
/// The keys a portal outside Development refuses to start without (<see cref="ConfiguredKeys"/>), made once per test
/// run and shared by every portal of the run, so the nodes of a cluster test agree: three random 32-byte keys and a
/// self-signed certificate in a password-protected .pfx file, as an operator would make them.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Create);

    /// <summary>Setting name (with ':') and value.</summary>
    public static IReadOnlyDictionary<string, string> Settings => All.Value;

    private static Dictionary<string, string> Create()
    {
        var folder = Directory.CreateTempSubdirectory("tayninhcchc-test-keys-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=tayninhcchc-tests-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));

        var settings = ConfiguredKeys.Required
            .Select(line => line[0])
            .Where(setting => setting != ConfiguredKeys.CertificatePath)
            .ToDictionary(setting => setting, _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), StringComparer.Ordinal);
        settings[ConfiguredKeys.CertificatePath] = path;
        settings[ConfiguredKeys.CertificatePassword] = password;
        return settings;
    }
}
