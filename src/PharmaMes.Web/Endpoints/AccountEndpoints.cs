using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Endpoints;

/// <summary>Sign-out, and the keep-alive that slides the session while a person is working.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        // A form post with an antiforgery token: a link elsewhere cannot sign a terminal out.
        // The token is checked here rather than by the framework because an idle terminal's
        // session may have lapsed a moment before its sign-out arrives: its token then belongs
        // to a user who is already gone, and there is nothing left to protect.
        account.MapPost("/logout", async Task<Results<RedirectHttpResult, BadRequest<string>>> (
            HttpContext context, SignInManager<MesUser> signIn, IAntiforgery antiforgery, [FromForm] string? reason) =>
        {
            var target = reason == "idle" ? "/account/login?signedOut=idle" : "/account/login?signedOut=user";
            if (context.User.Identity?.IsAuthenticated != true)
                return TypedResults.LocalRedirect(target);
            if (!await antiforgery.IsRequestValidAsync(context))
                return TypedResults.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(target);
        }).AllowAnonymous().DisableAntiforgery();

        // Interactive screens talk over a websocket, which does not renew the cookie; the
        // idle script calls this while the person is active so the session does not lapse mid-work.
        account.MapGet("/keepalive", () => TypedResults.NoContent());

        return app;
    }
}
