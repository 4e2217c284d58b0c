using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Infrastructure;

/// <summary>
/// Outside Development the portal refuses to start without its keys in configuration (defect 11): no key is generated
/// into the database it protects. Development keeps the zero-setup default.
/// </summary>
public sealed class ConfiguredKeysTests
{
    private static readonly string[] AllSettings =
        ["Secrets:survey-dossier", "Secrets:survey-client", "Secrets:BotProtection or BotProtection:SigningKey", "DataProtection:CertificatePath"];

    [Fact]
    public void Production_without_keys_refuses_to_start_naming_every_setting()
    {
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, settings: Without(TestKeys.Settings.Keys));

        var refused = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        var message = Innermost(refused).Message;
        Assert.All(AllSettings, setting => Assert.Contains(setting + " is not set", message, StringComparison.Ordinal));
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_missing_or_unusable_key_is_enough_to_refuse_and_is_the_one_named()
    {
        var settings = Without(["Secrets:survey-client"]);
        settings["Secrets:survey-dossier"] = Convert.ToBase64String(new byte[16]);
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, settings: settings);

        var message = Innermost(Assert.ThrowsAny<Exception>(() => portal.CreateClient())).Message;

        Assert.Contains("Secrets:survey-client is not set", message, StringComparison.Ordinal);
        Assert.Contains("Secrets:survey-dossier must hold at least 32 bytes; it holds 16", message, StringComparison.Ordinal);
        Assert.DoesNotContain("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secrets:BotProtection", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_is_refused_by_name()
    {
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, settings: new Dictionary<string, string> { [ConfiguredKeys.CertificatePassword] = "sai mật khẩu" });

        var message = Innermost(Assert.ThrowsAny<Exception>(() => portal.CreateClient())).Message;

        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePassword", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_keys_starts_and_stores_the_data_protection_keys_encrypted()
    {
        using var portal = new PortalFactory();
        var admin = await portal.CreateUserAsync(Web.Accounts.PortalRoles.Administrator);

        using var client = await portal.SignInAsync(admin);
        using var overview = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var stored = await portal.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().Select(key => key.Xml).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        // No key was generated into the database either.
        Assert.Equal(0, await portal.QueryAsync(db => db.PortalSecrets.CountAsync()));
    }

    [Fact]
    public async Task Development_needs_no_keys()
    {
        using var production = PortalFactory.ForContent(RepositoryPaths.Content, settings: Without(TestKeys.Settings.Keys));
        // Development warns that the key ring is stored unencrypted: expected here, so not repeated in the test log.
        using var portal = production.WithWebHostBuilder(builder => builder
            .UseEnvironment(Environments.Development)
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error"));

        using var response = await portal.CreateClient().GetAsync(new Uri("/danh-gia", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The form's challenge was signed with a key generated into the database, as before.
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Contains("BotProtection", await scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>().PortalSecrets.Select(secret => secret.Name).ToListAsync());
    }

    private static Dictionary<string, string> Without(IEnumerable<string> settings) =>
        settings.ToDictionary(setting => setting, _ => string.Empty, StringComparer.Ordinal);

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null && exception is not InvalidOperationException)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
