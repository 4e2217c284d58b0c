using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>
/// Outside Development every key the portal relies on comes from configuration, never from the database it protects:
/// a copy of the database alone must not let anyone test dossier-code guesses, forge challenges or sign-in cookies.
/// </summary>
/// <remarks>
/// <para>
/// The hash and signing keys are <c>Secrets:*</c> values (see <see cref="PortalSecrets"/>). The Data Protection key
/// ring (antiforgery tokens, dashboard cookies) stays in the database so every node shares it, but each key is
/// encrypted with the certificate at <see cref="CertificatePath"/>: the ring is rotated by the framework, so there is
/// no single configured value to give it, and a certificate is what ASP.NET Core encrypts it with.
/// </para>
/// <para>
/// In Development nothing is needed: keys are generated once and kept in the database, as before.
/// </para>
/// </remarks>
public static class ConfiguredKeys
{
    /// <summary>PKCS#12 (.pfx) file whose certificate encrypts the Data Protection keys stored in the database.</summary>
    public const string CertificatePath = "DataProtection:CertificatePath";

    /// <summary>Password of the <see cref="CertificatePath"/> file (empty when it has none).</summary>
    public const string CertificatePassword = "DataProtection:CertificatePassword";

    /// <summary>Settings required outside Development; any one setting of a line satisfies that line.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required { get; } =
    [
        [$"{PortalSecrets.Section}:{RatingRecorder.DossierKey}"],
        [$"{PortalSecrets.Section}:{RatingRecorder.ClientKey}"],
        [$"{PortalSecrets.Section}:{ChallengeSigner.SecretName}", $"{BotProtectionOptions.Section}:{nameof(BotProtectionOptions.SigningKey)}"],
        [CertificatePath],
    ];

    /// <summary>
    /// Refuses to go on outside Development while a required setting is missing or unusable, naming every setting at
    /// once so an operator fixes them in one go.
    /// </summary>
    public static void EnsureConfigured(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return;
        }

        var problems = new List<string>();
        foreach (var line in Required)
        {
            var set = line.FirstOrDefault(setting => !string.IsNullOrWhiteSpace(configuration[setting]));
            if (set is null)
            {
                problems.Add($"{string.Join(" or ", line)} is not set");
            }
            else if (set != CertificatePath && PortalSecrets.Problem(set, configuration[set]!) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The portal does not start in the {environment.EnvironmentName} environment without its keys in configuration: " +
                string.Join("; ", problems) + ". " +
                "Generate each key with `openssl rand -base64 32` and the certificate as the README's Deployment section shows, " +
                "then set them in the environment (e.g. Secrets__survey-dossier, DataProtection__CertificatePath). " +
                "Development alone keeps generated keys in the database.");
        }
    }

    /// <summary>Data Protection with its key ring in the database, encrypted with the configured certificate when there is one.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDataProtection().SetApplicationName("TayNinhCchc").PersistKeysToDbContext<PortalDbContext>();
        if (configuration[CertificatePath] is { Length: > 0 } path)
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(path, configuration[CertificatePassword]));
        }

        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{CertificatePath} ({path}) holds no private key: stored keys could be encrypted but never read back.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePath} ({path}) could not be read with {CertificatePassword}: {ex.Message}", ex);
        }
    }
}
