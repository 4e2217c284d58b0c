using System.Buffers.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>The default proof-of-work check through the probe page: real HTTP, real SQLite file, fake clock.</summary>
/// <remarks>The clock only moves forward and is shared by the class, so every test opens its own form first.</remarks>
public sealed class ProofOfWorkTests(ProbePortalFixture fixture) : IClassFixture<ProbePortalFixture>, IDisposable
{
    private static readonly TimeSpan FillTime = TimeSpan.FromSeconds(20);

    private readonly PortalFactory portal = fixture.Portal;
    private readonly WebApplicationFactory<Program> factory = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateProbeClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task A_solved_challenge_is_accepted()
    {
        var issuedAt = portal.Time.GetUtcNow().UtcDateTime;
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.NotNull(result);
        Assert.True(result.Success, string.Join(", ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(1.0, result.Score);
        Assert.Equal(ProbePortal.Action, result.Action);
        Assert.Equal("localhost", result.Hostname);
        Assert.Equal(issuedAt, result.ChallengeTime);
        Assert.Equal(DateTimeKind.Utc, result.ChallengeTime!.Value.Kind);
    }

    [Fact]
    public async Task A_challenge_is_accepted_once()
    {
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(FillTime);

        var first = await form.PostAsync(client);
        var second = await form.PostAsync(client);

        Assert.True(first!.Success);
        Assert.False(second!.Success);
        Assert.Equal([BotCheckErrors.Replayed], second.Errors);
        Assert.Equal(0.0, second.Score);
    }

    [Fact]
    public async Task Two_nodes_sharing_the_database_accept_one_challenge_once()
    {
        using var otherNode = portal.WithProbePages();
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(FillTime);
        var nodes = new[] { factory.Services, otherNode.Services, factory.Services, otherNode.Services };

        var results = await Task.WhenAll(nodes.Select(services => Task.Run(() =>
            services.GetRequiredService<IBotProtection>().ValidateAsync(FormRequest(form.Fields), ProbePortal.Action))));

        Assert.Single(results, result => result.Success);
        Assert.All(results.Where(result => !result.Success), result => Assert.Equal([BotCheckErrors.Replayed], result.Errors));
    }

    [Fact]
    public async Task An_expired_challenge_is_rejected()
    {
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.Expired], result.Errors);
    }

    [Fact]
    public async Task A_challenge_is_still_good_at_the_end_of_its_lifetime()
    {
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(TimeSpan.FromMinutes(30));

        Assert.True((await form.PostAsync(client))!.Success);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("signature")]
    [InlineData("garbage")]
    public async Task A_tampered_token_is_rejected(string part)
    {
        var form = await ProbeForm.OpenAsync(client);
        var token = form.Challenge;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        form.Fields[BotProtectionFields.Challenge] = part switch
        {
            // Rewrites the issue time to an hour earlier, as a bot would to pass the minimum fill time.
            "payload" => ShiftIssueTime(token[..dot], TimeSpan.FromHours(-1)) + token[dot..],
            "signature" => token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..],
            _ => "not-a-token",
        };
        form.Solve();
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.BadSignature], result.Errors);
        Assert.Null(result.Action);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var otherPortal = portal.WithProbePages(("BotProtection:SigningKey", otherKey));
        var forged = await otherPortal.Services.GetRequiredService<ProofOfWorkProvider>().IssueChallengeAsync(ProbePortal.Action);
        var form = await ProbeForm.OpenAsync(client);
        form.Fields[BotProtectionFields.Challenge] = forged;
        form.Solve();
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.Equal([BotCheckErrors.BadSignature], result!.Errors);
    }

    [Fact]
    public async Task A_challenge_for_another_form_is_rejected()
    {
        var form = await ProbeForm.OpenAsync(client);
        form.Fields[BotProtectionFields.Challenge] =
            await factory.Services.GetRequiredService<ProofOfWorkProvider>().IssueChallengeAsync("other_form");
        form.Solve();
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.WrongAction], result.Errors);
        Assert.Equal("other_form", result.Action);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Work_below_the_difficulty_is_rejected(bool missingNonce)
    {
        var form = await ProbeForm.OpenAsync(client);
        form.Fields[BotProtectionFields.Nonce] = missingNonce ? "" : Work.Fail(form.Challenge, ProbePortal.Difficulty);
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.InsufficientWork], result.Errors);
    }

    [Fact]
    public async Task A_form_without_the_challenge_is_rejected()
    {
        var form = await ProbeForm.OpenAsync(client);
        form.Fields.Remove(BotProtectionFields.Challenge);
        form.Fields.Remove(BotProtectionFields.Nonce);
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.MissingToken], result.Errors);
        Assert.Null(result.ChallengeTime);
    }

    [Fact]
    public async Task A_filled_honeypot_is_rejected()
    {
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        form.Fields[BotProtectionFields.Honeypot] = "https://spam.example";
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.Honeypot], result.Errors);
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_is_rejected()
    {
        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(TimeSpan.FromSeconds(2));

        var result = await form.PostAsync(client);

        Assert.False(result!.Success);
        Assert.Equal([BotCheckErrors.TooFast], result.Errors);
    }

    [Fact]
    public async Task Every_failure_is_reported_not_just_the_first()
    {
        var form = await ProbeForm.OpenAsync(client);
        form.Fields[BotProtectionFields.Honeypot] = "x";

        var result = await form.PostAsync(client);

        Assert.Equal([BotCheckErrors.TooFast, BotCheckErrors.InsufficientWork, BotCheckErrors.Honeypot], result!.Errors);
    }

    [Fact]
    public async Task Spent_challenges_are_deleted_once_expired()
    {
        var stale = new UsedChallenge { Id = "AAAAAAAAAAAAAAAAAAAAAA", ExpiresAt = portal.Time.GetUtcNow().UtcDateTime.AddMinutes(-1) };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.UsedChallenges.Add(stale);
            await db.SaveChangesAsync();
        }

        var form = (await ProbeForm.OpenAsync(client)).Solve();
        portal.Time.Advance(TimeSpan.FromMinutes(6));
        var result = await form.PostAsync(client);
        Assert.True(result!.Success);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().UsedChallenges.ToListAsync();
            Assert.DoesNotContain(rows, used => used.Id == stale.Id);
            var spent = Assert.Single(rows, used => used.ExpiresAt == result.ChallengeTime!.Value.AddMinutes(30));
            Assert.Equal(DateTimeKind.Utc, spent.ExpiresAt.Kind);
        }
    }

    [Fact]
    public async Task On_a_handler_the_attribute_checks_that_handler_only()
    {
        var form = (await ProbeForm.OpenAsync(client, ProbePortal.HandlerUrl)).Solve();
        portal.Time.Advance(FillTime);

        var unprotected = await form.PostAsync(client, ProbePortal.HandlerUrl);
        var protectedHandler = await form.PostAsync(client);

        Assert.Null(unprotected);
        Assert.NotNull(protectedHandler);
        Assert.True(protectedHandler.Success, string.Join(", ", protectedHandler.Errors));
    }

    [Fact]
    public async Task Action_names_follow_recaptcha_rules()
    {
        var provider = factory.Services.GetRequiredService<ProofOfWorkProvider>();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.IssueChallengeAsync("đánh giá"));
        await Assert.ThrowsAsync<ArgumentException>(() => provider.IssueChallengeAsync(""));
        await Assert.ThrowsAsync<ArgumentException>(() => provider.IssueChallengeAsync(new string('a', 65)));
        Assert.NotEmpty(await provider.IssueChallengeAsync("danh_gia/thu_tuc_2"));
    }

    [Fact]
    public void Difficulty_comes_from_configuration_and_defaults_to_16_bits()
    {
        Assert.Equal(16, new BotProtectionOptions().ProofOfWorkDifficulty);
        Assert.Equal(ProbePortal.Difficulty, factory.Services.GetRequiredService<IOptions<BotProtectionOptions>>().Value.ProofOfWorkDifficulty);
    }

    private static HttpRequest FormRequest(Dictionary<string, string> fields)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Host = new HostString("localhost");
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(fields.ToDictionary(pair => pair.Key, pair => new Microsoft.Extensions.Primitives.StringValues(pair.Value)));
        return context.Request;
    }

    private static string ShiftIssueTime(string encodedPayload, TimeSpan shift)
    {
        var payload = Base64Url.DecodeFromChars(encodedPayload);
        var ticks = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17), ticks + shift.Ticks);
        return Base64Url.EncodeToString(payload);
    }
}
