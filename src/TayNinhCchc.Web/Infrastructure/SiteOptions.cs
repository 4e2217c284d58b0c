namespace TayNinhCchc.Web.Infrastructure;

/// <summary>Facts about the deployment that pages cannot learn from the request.</summary>
public sealed class SiteOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Site";

    /// <summary>
    /// Public address of the portal (e.g. <c>https://cchc.tayninh.gov.vn</c>) for links in the sitemap, the feed and
    /// link previews. Default: empty, meaning the scheme and host of the current request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Articles per page on the news list. Default: 10.</summary>
    public int NewsPageSize { get; set; } = 10;
}

public static class SiteUrls
{
    /// <summary>The absolute form of a site-relative path, using <see cref="SiteOptions.PublicBaseUrl"/> when set.</summary>
    public static string Absolute(this HttpRequest request, SiteOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return baseUrl + (path.StartsWith('/') ? path : "/" + path);
    }
}
