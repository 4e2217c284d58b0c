namespace TayNinhCchc.Web.Components;

/// <summary>One step of the breadcrumb trail; <see cref="Href"/> is null for the current page.</summary>
public sealed record Crumb(string Text, string? Href = null);
