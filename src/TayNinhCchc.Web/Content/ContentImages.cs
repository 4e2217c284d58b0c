using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.Content;

/// <summary>Serves the images that editors keep beside the articles (content/tin-tuc/anh) at /tin-tuc/anh.</summary>
public static class ContentImages
{
    public static IApplicationBuilder UseContentImages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var library = app.Services.GetRequiredService<ContentLibrary>();
        var folder = Path.Combine(library.RootPath, ContentLoader.NewsFolder, "anh");
        if (!Directory.Exists(folder))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = $"/{ContentLoader.NewsFolder}/anh",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
