namespace TayNinhCchc.Web.Content;

/// <summary>Registers the content pipeline: options, the one Markdig pipeline, the loader and the live catalogue.</summary>
public static class ContentSetup
{
    public static IServiceCollection AddPortalContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentLibrary>();
        return services;
    }
}
