using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// The per-client limit on posts of protected forms, in each node's memory. One sliding minute per client address
/// (IPv6: per /64) holds <c>PermitsPerMinute × ProofOfWorkWeight</c> units: a post without a valid proof of work
/// takes <c>ProofOfWorkWeight</c> units, a post carrying a valid proof of work for a challenge this node has not seen
/// before takes one. Citizens at a one-stop counter share one address but each browser does its own work, so they get
/// through where a script re-sending one form does not. Addresses in a listed counter network
/// (<see cref="BotProtectionOptions.CounterNetworks"/>) get that network's own limit.
/// </summary>
public sealed class SubmissionLimiter : IDisposable
{
    private readonly BotProtectionOptions options;
    private readonly IReadOnlyList<(IPNetwork Network, int PermitsPerMinute)> counters;
    private readonly PartitionedRateLimiter<(string Client, int Units)> limiter;

    // Challenge ids already counted as proven on this node: re-sending one solved form does not buy the lower cost.
    // Bounded: past the bound a re-sent form may be counted as proven again, but its challenge is still refused as
    // replayed by the ledger when it is spent.
    private readonly MemoryCache provenChallenges = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public SubmissionLimiter(IOptions<BotProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        counters = this.options.CounterNetworks
            .Select(counter => (IPNetwork.Parse(counter.Network!), counter.PermitsPerMinute))
            .ToList();
        limiter = PartitionedRateLimiter.Create<(string Client, int Units), (string Client, int Units)>(resource =>
            RateLimitPartition.GetSlidingWindowLimiter(resource, key => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = key.Units,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }));
    }

    /// <summary>
    /// Counts one post from <paramref name="context"/>'s client; <paramref name="provenChallengeId"/> is the id of the
    /// challenge whose proof of work the post carries and passed, or null. Null when the post may go on, else how long
    /// to wait.
    /// </summary>
    public TimeSpan? TryAcquire(HttpContext context, string? provenChallengeId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = ClientAddress(context);
        var permits = PermitsFor(address);
        var weight = options.ProofOfWorkWeight;
        var proven = provenChallengeId is not null && FirstSighting(provenChallengeId);
        using var lease = limiter.AttemptAcquire((ClientKey(address), checked(permits * weight)), proven ? 1 : weight);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        limiter.Dispose();
        provenChallenges.Dispose();
    }

    private int PermitsFor(IPAddress? address)
    {
        if (address is not null)
        {
            foreach (var (network, permits) in counters)
            {
                if (network.Contains(address))
                {
                    return permits;
                }
            }
        }

        return options.PermitsPerMinute;
    }

    // Kept for a challenge's lifetime (after it, the challenge is expired and proves nothing anyway), on the system
    // clock the cache runs on.
    private bool FirstSighting(string challengeId)
    {
        if (provenChallenges.TryGetValue(challengeId, out _))
        {
            return false;
        }

        provenChallenges.Set(challengeId, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.ChallengeLifetime, Size = 1 });
        return true;
    }

    private static IPAddress? ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
    }

    /// <summary>The client's address, or its /64 for IPv6 (one household or phone usually holds a whole /64).</summary>
    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
