using System.Globalization;
using System.Text;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>
/// Free text and dossier codes are normalised before they are checked or stored: a number or code written with other
/// digits, dashes or separators is the same number or code. The generated cases use a fixed seed, so a failure repeats.
/// </summary>
public sealed class NormalisedInputTests
{
    /// <summary>The zero of every decimal digit family .NET knows (<see cref="Rune.IsDigit"/>), BMP and beyond.</summary>
    public static IReadOnlyList<Rune> DigitFamilies { get; } = Enumerable.Range(0, 0x110000)
        .Where(value => Rune.IsValid(value))
        .Select(value => new Rune(value))
        .Where(rune => Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber && Rune.GetNumericValue(rune) == 0)
        .ToList();

    public static TheoryData<int> DigitFamilyZeros => new(DigitFamilies.Select(rune => rune.Value));

    /// <summary>Everything that separates groups of a number: spaces (also no-break, ideographic), line breaks, dots, every dash.</summary>
    private static readonly string[] Separators =
        [" ", "\u00A0", "\u202F", "\u3000", "\n", "\r\n", ".", "\uFF0E", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D", " - ", " – "];

    private static readonly string[] Words =
        ["Gọi", "cho", "tôi", "số", "nhé", "Cán bộ", "hướng dẫn", "tận tình", "CCCD", "của tôi", "là", "điện thoại", "liên hệ", "ĐT:", "(", ")", ":", ",", "Zalo"];

    [Fact]
    public void There_are_many_digit_families_to_test()
    {
        // Sanity check of the generator: ASCII, full-width, Arabic-Indic, extended Arabic-Indic, Devanagari… and beyond the BMP.
        Assert.True(DigitFamilies.Count > 50, $"only {DigitFamilies.Count} digit families found");
        Assert.Contains(new Rune(0xFF10), DigitFamilies);
        Assert.Contains(new Rune(0x0660), DigitFamilies);
        Assert.Contains(DigitFamilies, rune => !rune.IsBmp);
    }

    [Theory]
    [MemberData(nameof(DigitFamilyZeros))]
    public void Every_digit_family_becomes_ascii(int zero)
    {
        var written = Write("0123456789", new Random(zero), _ => new Rune(zero), separate: false);

        Assert.Equal("0123456789", VietnameseText.NormalizeInput(written));
    }

    [Theory]
    [MemberData(nameof(DigitFamilyZeros))]
    public void A_phone_and_an_identity_number_in_any_digit_family_are_masked(int zero)
    {
        var phone = Write("0912345678", new Random(zero), _ => new Rune(zero));
        var identity = Write("072123456789", new Random(zero), _ => new Rune(zero));

        var masked = PersonalDataMasker.Mask($"Gọi {phone}, CCCD {identity}.");

        Assert.Equal($"Gọi {PersonalDataMasker.PhoneMask}, CCCD {PersonalDataMasker.IdentityMask}.", masked);
    }

    [Theory]
    [InlineData("０９１２３４５６７８")]
    [InlineData("٠٩١٢٣٤٥٦٧٨")]
    [InlineData("۰۹۱۲۳۴۵۶۷۸")]
    [InlineData("0912–345–678")]
    [InlineData("0912—345—678")]
    [InlineData("0912−345−678")]
    [InlineData("0912－345－678")]
    [InlineData("0912．345．678")]
    [InlineData("0912\u00A0345\u00A0678")]
    [InlineData("0912\n345\n678")]
    [InlineData("0912\r\n345\r\n678")]
    [InlineData("0912 - 345 - 678")]
    [InlineData("＋８４ ９１２ ３４５ ６７８")]
    public void Numbers_written_with_other_digits_or_separators_are_masked(string phone) =>
        Assert.Equal($"Số {PersonalDataMasker.PhoneMask} nhé", PersonalDataMasker.Mask($"Số {phone} nhé"));

    [Fact]
    public void Amounts_dates_and_procedure_codes_in_other_digits_are_left_alone_but_normalised() =>
        Assert.Equal("Tổng 1.752.580.000 đồng, ngày 16/11/2020, mã 1.001193", PersonalDataMasker.Mask("Tổng １.７５２.５８０.０００ đồng, ngày ١٦/١١/٢٠٢٠, mã 1.001193"));

    [Fact]
    public void No_generated_phone_or_identity_number_survives_masking()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 3000; i++)
        {
            var number = random.Next(4) switch
            {
                0 => "0" + Digits(random, 9),
                1 => "84" + Digits(random, 9),
                2 => Digits(random, 12),
                _ => Digits(random, 9),
            };
            var written = Write(number, random, _ => DigitFamilies[random.Next(DigitFamilies.Count)]);
            var text = $"{Sentence(random)} {written}{(random.Next(3) == 0 ? "." : "")} {Sentence(random)}";

            var masked = PersonalDataMasker.Mask(text);

            // The sentence around it has no digits: any digit left is part of the number.
            Assert.False(masked.EnumerateRunes().Any(Rune.IsDigit), $"Case {i}: «{Escape(text)}» → «{Escape(masked)}»");
        }
    }

    [Fact]
    public void Generated_dossier_codes_typed_with_other_characters_are_the_same_code()
    {
        var random = new Random(11);
        char[] asciiSeparators = ['-', '.', '/', '_', ' '];
        string[] dashes = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE58", "\uFE63", "\uFF0D"];
        for (var i = 0; i < 3000; i++)
        {
            var code = new StringBuilder();
            for (var group = random.Next(1, 5); group > 0; group--)
            {
                for (var length = random.Next(1, 7); length > 0; length--)
                {
                    code.Append(random.Next(2) == 0 ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10)));
                }

                if (group > 1)
                {
                    code.Append(asciiSeparators[random.Next(asciiSeparators.Length)]);
                }
            }

            var plain = code.ToString();
            var typed = new StringBuilder();
            foreach (var c in plain)
            {
                typed.Append(c switch
                {
                    '-' => dashes[random.Next(dashes.Length)],
                    >= 'A' and <= 'Z' => random.Next(3) switch
                    {
                        0 => ((char)(c - 'A' + 'ａ')).ToString(),
                        1 => ((char)(c - 'A' + 'Ａ')).ToString(),
                        _ => char.ToLowerInvariant(c).ToString(),
                    },
                    >= '0' and <= '9' => new Rune(DigitFamilies[random.Next(DigitFamilies.Count)].Value + (c - '0')).ToString(),
                    '.' => random.Next(2) == 0 ? "." : "\uFF0E",
                    '/' => random.Next(2) == 0 ? "/" : "\uFF0F",
                    _ => c.ToString(),
                });
            }

            var normalised = DossierCode.Normalise(typed.ToString());

            Assert.NotNull(normalised);
            Assert.True(DossierCode.IsValid(normalised), $"Case {i}: «{Escape(typed.ToString())}» → «{Escape(normalised)}» refused");
            Assert.Equal(DossierCode.Key(plain), DossierCode.Key(typed.ToString()));
        }
    }

    [Theory]
    [InlineData("ABC–123")]
    [InlineData("ＡＢＣ－１２３")]
    [InlineData("abc−123")]
    [InlineData(" ABC—123 ")]
    public void A_dossier_code_with_other_dashes_or_full_width_forms_is_valid_and_the_same_dossier(string typed)
    {
        var normalised = DossierCode.Normalise(typed)!;

        Assert.True(DossierCode.IsValid(normalised));
        Assert.Equal(DossierCode.Key("ABC-123"), DossierCode.Key(typed));
    }

    [Theory]
    [InlineData("Hồ sơ số 1")]
    [InlineData("ABC#123")]
    [InlineData("– – –")]
    public void Codes_with_other_characters_are_still_refused(string typed) =>
        Assert.False(DossierCode.IsValid(DossierCode.Normalise(typed)!));

    [Fact]
    public void Plain_codes_keep_the_key_they_had_before_normalisation()
    {
        // The dossier hashes already stored were made from this key; a change would reopen every rated dossier.
        Assert.Equal("0000019H572101010001", DossierCode.Key("000.00.19.h57-210101-0001"));
    }

    private static string Digits(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    /// <summary>The ASCII digits of <paramref name="number"/> in the families <paramref name="family"/> picks, groups split by random separators.</summary>
    private static string Write(string number, Random random, Func<int, Rune> family, bool separate = true)
    {
        var builder = new StringBuilder();
        var sinceSeparator = 0;
        for (var i = 0; i < number.Length; i++)
        {
            if (separate && i > 0 && sinceSeparator >= 2 && random.Next(4) == 0)
            {
                builder.Append(Separators[random.Next(Separators.Length)]);
                sinceSeparator = 0;
            }

            var zero = family(i);
            builder.Append(new Rune(zero.Value + (number[i] - '0')).ToString());
            sinceSeparator++;
        }

        return builder.ToString();
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => Words[random.Next(Words.Length)]));

    private static string Escape(string text) =>
        string.Concat(text.EnumerateRunes().Select(rune => rune.IsAscii && !Rune.IsControl(rune) ? rune.ToString() : $"\\u{rune.Value:X4}"));
}
