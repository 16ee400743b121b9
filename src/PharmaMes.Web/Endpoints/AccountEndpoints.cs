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
        account.MapPost("/logout", async (SignInManager<MesUser> signIn, [FromForm] string? reason) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(reason == "idle" ? "/account/login?signedOut=idle" : "/account/login?signedOut=user");
        }).AllowAnonymous();

        // Interactive screens talk over a websocket, which does not renew the cookie; the
        // idle script calls this while the person is active so the session does not lapse mid-work.
        account.MapGet("/keepalive", () => TypedResults.NoContent());

        return app;
    }
}
