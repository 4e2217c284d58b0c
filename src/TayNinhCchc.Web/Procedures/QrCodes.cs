using QRCoder;

namespace TayNinhCchc.Web.Procedures;

/// <summary>QR codes drawn on the server as SVG, so a printed page leads back to its address.</summary>
public static class QrCodes
{
    /// <summary>An SVG image of <paramref name="text"/> as a QR code, labelled for screen readers.</summary>
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(160, 160), "#000000", "#ffffff", drawQuietZones: true);
        // The SVG is embedded in the page; its XML prolog is not allowed there.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        var attribute = label.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{attribute}\" ", StringComparison.Ordinal);
    }
}
