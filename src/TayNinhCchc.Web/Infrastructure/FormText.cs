using System.Text;
using Microsoft.Net.Http.Headers;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>
/// Characters no person types into a form: control characters other than tab and line breaks, lone surrogates,
/// Unicode noncharacters, and U+FFFD (what a lone surrogate or a NUL byte arrives as). A form field holding one
/// is answered with a Vietnamese message naming the field, never with a bare 400.
/// </summary>
public static class FormText
{
    /// <summary>The URL-encoded replacement character, put where a posted form held a NUL byte.</summary>
    private static readonly byte[] EncodedReplacement = "%EF%BF%BD"u8.ToArray();

    /// <summary>Largest URL-encoded form body searched for NUL bytes; larger ones are left to the form limits.</summary>
    private const int MaxScannedBody = 1024 * 1024;

    /// <summary>True when <paramref name="value"/> holds a character no one can have meant to send.</summary>
    public static bool HasInvalidCharacters(string? value) => value is not null && Clean(value) != value;

    /// <summary><paramref name="value"/> without the characters <see cref="HasInvalidCharacters"/> refuses.</summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? kept = null;
        for (var i = 0; i < value.Length; i++)
        {
            var pair = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var valid = pair ? IsValid(new Rune(value[i], value[i + 1])) : !char.IsSurrogate(value[i]) && IsValid(new Rune(value[i]));
            if (!valid)
            {
                kept ??= new StringBuilder(value.Length).Append(value, 0, i);
            }
            else
            {
                kept?.Append(value, i, pair ? 2 : 1);
            }

            if (pair)
            {
                i++;
            }
        }

        return kept?.ToString() ?? value;
    }

    /// <summary>
    /// The form reader refuses a URL-encoded body holding a NUL byte (<c>%00</c>) outright, before any page sees it, so
    /// the citizen would get an empty 400 and lose the form. Here such a NUL becomes U+FFFD, which the page's checks
    /// name by field like any other invalid character.
    /// </summary>
    public static IApplicationBuilder UseNulSafeForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength is > 0 and <= MaxScannedBody)
        {
            // Browsers send a form with its length; a body without one (chunked) is left to the form reader's limits.
            var body = new MemoryStream((int)request.ContentLength.Value);
            await request.Body.CopyToAsync(body, context.RequestAborted);
            if (WithoutNul(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } replaced)
            {
                body = new MemoryStream(replaced);
            }

            body.Position = 0;
            request.Body = body;
            request.ContentLength = body.Length;
        }

        await next(context);
    });

    private static bool IsValid(Rune rune) =>
        rune != Rune.ReplacementChar
        && (!Rune.IsControl(rune) || rune.Value is '\t' or '\n' or '\r')
        && rune.Value is not (>= 0xFDD0 and <= 0xFDEF)
        && (rune.Value & 0xFFFE) != 0xFFFE;

    private static byte[]? WithoutNul(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf("%00"u8) < 0 && body.IndexOf((byte)0) < 0)
        {
            return null;
        }

        var output = new List<byte>(body.Length + 16);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                output.AddRange(EncodedReplacement);
            }
            else if (body[i] == '%' && i + 2 < body.Length && body[i + 1] == '0' && body[i + 2] == '0')
            {
                output.AddRange(EncodedReplacement);
                i += 2;
            }
            else
            {
                output.Add(body[i]);
            }
        }

        return [.. output];
    }
}
