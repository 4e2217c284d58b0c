using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// Base of every signed-in dashboard page. Before any handler runs it resolves the <see cref="AgencyScope"/>
/// through <see cref="StaffAccess"/> and turns every refusal into the right response, so a page cannot forget the
/// check and can only query through <see cref="Scope"/>.
/// </summary>
public abstract class StaffPageModel : PageModel
{
    private AgencyScope? scope;

    /// <summary>The caller's scope; set before any handler runs.</summary>
    public AgencyScope Scope => scope ?? throw new InvalidOperationException("The scope is resolved before handlers run.");

    /// <summary>Only the change-password page may be used while the password is a one-time one.</summary>
    protected virtual bool AllowedWithOneTimePassword => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var access = HttpContext.RequestServices.GetRequiredService<StaffAccess>();
        var requested = Request.Query[StaffAccess.AgencyParameter].FirstOrDefault()
            ?? (Request.HasFormContentType ? Request.Form[StaffAccess.AgencyParameter].FirstOrDefault() : null);
        var decision = await access.ResolveAsync(User, requested);
        switch (decision.Outcome)
        {
            case AccessOutcome.SignInAgain:
                await HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>().SignOutAsync();
                context.Result = new RedirectResult(PortalIdentity.LoginPath);
                return;
            case AccessOutcome.Forbidden:
                context.Result = new ForbidResult();
                return;
            case AccessOutcome.NotFound:
                context.Result = new NotFoundResult();
                return;
            case AccessOutcome.ChangePassword when !AllowedWithOneTimePassword:
                context.Result = new RedirectResult(PortalIdentity.ChangePasswordPath);
                return;
            default:
                scope = decision.Scope;
                await next();
                return;
        }
    }

    /// <summary>A dashboard link that keeps the administrator's chosen agency.</summary>
    public string AgencyHref(string path, string? query = null)
    {
        var parts = new List<string>(2);
        if (Scope.IsAdministrator && Scope.AgencyCode is { } code)
        {
            parts.Add($"{StaffAccess.AgencyParameter}={Uri.EscapeDataString(code)}");
        }

        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query);
        }

        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
