using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>What <c>seed-demo</c> was asked to do.</summary>
/// <param name="Count">Ratings to add.</param>
/// <param name="Months">Months to spread them over, the current one included.</param>
/// <param name="Seed">Seed of the random generator: the same seed, count, months, agencies and date give the same ratings.</param>
/// <param name="AllowProduction">Run even when the environment is Production.</param>
public sealed record DemoSeedOptions(int Count, int Months, int Seed, bool AllowProduction);

/// <summary>
/// <c>dotnet run --project src/TayNinhCchc.Web -- seed-demo [--count N] [--months M] [--seed S] [--allow-production]</c>:
/// adds demonstration ratings (<see cref="Rating.IsDemo"/>) so the results pages can be shown and tried before real
/// ratings exist. They are spread over the agencies in force today and the last months, counted through
/// <see cref="RatingTallies.AddAsync"/> like real ratings, and every results page says "Dữ liệu minh họa"
/// while they are in its figures. Other arguments (<c>--environment</c>, <c>--ConnectionStrings:Portal=…</c>) configure
/// the host as for the site. Exit codes: 0 done, 2 usage error, 3 refused (Production), 1 nothing to rate.
/// </summary>
public static class DemoSeedCommand
{
    public const string Name = "seed-demo";

    public const int Success = 0;

    public const int NothingToRate = 1;

    public const int UsageError = 2;

    public const int Refused = 3;

    public const string Usage =
        "Cách dùng: dotnet run --project src/TayNinhCchc.Web -- seed-demo [--count N (mặc định 500)] " +
        "[--months M (mặc định 12)] [--seed S (mặc định 20190404)] [--allow-production]";

    private const int BatchSize = 1000;

    /// <summary>Written as the reason of demo "not satisfied" answers (the form requires one), so no one mistakes them.</summary>
    private const string DemoReason = "Phiếu minh họa do hệ thống tạo, không phải ý kiến thật.";

    /// <summary>Splits the command's own options from the host's; false with a message on a malformed option.</summary>
    public static bool TryParse(string[] args, out DemoSeedOptions options, out string[] hostArgs, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new DemoSeedOptions(500, 12, 20190404, AllowProduction: false);
        var rest = new List<string>();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--allow-production":
                    options = options with { AllowProduction = true };
                    break;
                case "--count" or "--months" or "--seed":
                    var name = args[i];
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        error = $"{name} cần một số nguyên không âm.";
                    }
                    else if (name == "--count" && value is < 1 or > 10_000_000)
                    {
                        error = "--count phải từ 1 đến 10.000.000.";
                    }
                    else if (name == "--months" && value is < 1 or > 120)
                    {
                        error = "--months phải từ 1 đến 120.";
                    }
                    else
                    {
                        options = name switch
                        {
                            "--count" => options with { Count = value },
                            "--months" => options with { Months = value },
                            _ => options with { Seed = value },
                        };
                    }

                    i++;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }

            if (error is not null)
            {
                break;
            }
        }

        hostArgs = [.. rest];
        return error is null;
    }

    /// <summary>Refuses in Production unless allowed; otherwise migrates the database and adds the ratings.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IHostEnvironment environment, DemoSeedOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        if (environment.IsProduction() && !options.AllowProduction)
        {
            output.WriteLine("Từ chối: môi trường hiện tại là Production. Phiếu minh họa sẽ hiện trong kết quả công khai (kèm nhãn «Dữ liệu minh họa»).");
            output.WriteLine("Nếu thật sự muốn thêm vào cơ sở dữ liệu này, chạy lại với --allow-production. Không có gì được ghi.");
            return Refused;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<CriteriaRegistry>();
        var snapshot = scope.ServiceProvider.GetRequiredService<ContentLibrary>().Current;
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.Database.MigrateAsync(cancellationToken);

        var now = VietnamClock.Now(time);
        var today = DateOnly.FromDateTime(now.DateTime);
        var set = await registry.CurrentAsync(db, cancellationToken);
        var agencies = snapshot.RateableOn(today).ToList();
        if (set is null || agencies.Count == 0)
        {
            output.WriteLine(set is null
                ? $"Không có bộ câu hỏi nào áp dụng ngày {VietnameseText.Date(today)} (content/danh-gia): không thêm phiếu nào."
                : $"Không có cơ quan nào hoạt động ngày {VietnameseText.Date(today)} (content/co-quan.yml): không thêm phiếu nào.");
            return NothingToRate;
        }

        var before = await db.Ratings.CountAsync(rating => rating.IsDemo, cancellationToken);
        var generator = new DemoRatings(options, set, agencies, snapshot, now);
        var added = 0;
        foreach (var batch in generator.Generate(before).Chunk(BatchSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await registry.FreezeAsync(db, set, cancellationToken);
            db.Ratings.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            await RatingTallies.AddAsync(db, batch.Select(rating => (set, rating)), cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            added += batch.Length;
        }

        var first = YearMonth.Of(today).AddMonths(-(options.Months - 1));
        output.WriteLine($"Đã thêm {VietnameseText.Number(added)} phiếu minh họa (IsDemo = true) vào {db.Database.GetDbConnection().DataSource}.");
        output.WriteLine($"  {agencies.Count} cơ quan hoạt động ngày {VietnameseText.Date(today)}; tháng {first.Label}–{YearMonth.Of(today).Label} (giờ Việt Nam); bộ câu hỏi {set.Version}; hạt giống {options.Seed.ToString(CultureInfo.InvariantCulture)}.");
        output.WriteLine($"  Số biên nhận {DemoRatings.Receipt(before + 1)} … {DemoRatings.Receipt(before + added)}; trước đó đã có {VietnameseText.Number(before)} phiếu minh họa.");
        output.WriteLine("  Các trang kết quả hiện khung «Dữ liệu minh họa» cho mọi kỳ có các phiếu này; tệp dữ liệu mở ghi chúng ở cột demo_ratings.");
        return Success;
    }

    /// <summary>
    /// The ratings themselves. Each agency gets its own level of satisfaction and a slow drift, so rankings and trends
    /// look like something; all draws come from one seeded generator, in a fixed order.
    /// </summary>
    private sealed class DemoRatings(DemoSeedOptions options, CriteriaSet set, IReadOnlyList<Agency> agencies, ContentSnapshot snapshot, DateTimeOffset now)
    {
        public static string Receipt(int number) => $"DEMO-{number.ToString("D8", CultureInfo.InvariantCulture)}";

        public IEnumerable<Rating> Generate(int numbered)
        {
            var random = new Random(options.Seed);
            var profiles = agencies.Select(agency => (
                    Agency: agency,
                    Quality: 0.55 + (random.NextDouble() * 0.4),
                    Drift: (random.NextDouble() - 0.5) * 0.2,
                    Procedures: snapshot.Procedures.All.Where(procedure => procedure.Agencies.Contains(agency.Code)).Select(procedure => procedure.Code).ToList()))
                .ToList();
            var currentMonth = new YearMonth(now.Year, now.Month);
            for (var i = 0; i < options.Count; i++)
            {
                var profile = profiles[random.Next(profiles.Count)];
                var monthsAgo = random.Next(options.Months);
                var month = currentMonth.AddMonths(-monthsAgo);
                var lastDay = monthsAgo == 0 ? now.Day : DateTime.DaysInMonth(month.Year, month.Month);
                var local = new DateTime(month.Year, month.Month, 1 + random.Next(lastDay), 7 + random.Next(10), random.Next(60), 0, DateTimeKind.Unspecified);
                var progress = options.Months == 1 ? 1.0 : (double)(options.Months - 1 - monthsAgo) / (options.Months - 1);
                var quality = Math.Clamp(profile.Quality + (profile.Drift * progress), 0.05, 0.98);
                var procedure = profile.Procedures.Count > 0 && random.NextDouble() < 0.7 ? profile.Procedures[random.Next(profile.Procedures.Count)] : null;
                var channel = (RatingChannel)(1 + random.Next(3));
                var answers = new List<RatingAnswer>();
                foreach (var criterion in set.Criteria)
                {
                    if (!criterion.Required && random.NextDouble() < 0.4)
                    {
                        continue;
                    }

                    var option = Choose(criterion.Options, quality, random);
                    answers.Add(new RatingAnswer { CriterionCode = criterion.Code, Value = option.Value, Reason = option.ReasonRequired ? DemoReason : null });
                }

                // Before now even on today's date: the hour is drawn within the day.
                var submitted = new DateTimeOffset(local, VietnamClock.Offset);
                submitted = submitted > now ? now : submitted;
                yield return new Rating
                {
                    ReceiptNumber = Receipt(numbered + i + 1),
                    AgencyCode = profile.Agency.Code,
                    ProcedureCode = procedure,
                    Channel = channel,
                    CriteriaVersion = set.Version,
                    SubmittedAt = submitted.UtcDateTime,
                    Year = submitted.Year,
                    Month = submitted.Month,
                    ReviewState = ReviewState.NotNeeded,
                    CountsInStatistics = true,
                    IsDemo = true,
                    Answers = answers,
                };
            }
        }

        /// <summary>
        /// The worst option with probability 1 − quality, else one of the others, the better ones more often. Criteria
        /// files list options best first (2, 1, 0 points; Rất hài lòng … Không hài lòng).
        /// </summary>
        private static CriterionOption Choose(IReadOnlyList<CriterionOption> options, double quality, Random random)
        {
            if (options.Count == 1 || random.NextDouble() >= quality)
            {
                return options[^1];
            }

            var weights = Enumerable.Range(0, options.Count - 1).Select(index => options.Count - 1 - index).ToList();
            var draw = random.Next(weights.Sum());
            for (var index = 0; index < weights.Count; index++)
            {
                draw -= weights[index];
                if (draw < 0)
                {
                    return options[index];
                }
            }

            return options[0];
        }
    }
}
