using System.Globalization;
using System.Threading.RateLimiting;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Security;

/// <summary>
/// Sign-in attempts are limited per client address and per user name (sliding one-minute windows):
/// guessing passwords is slowed to a few a minute whichever addresses or names it spreads over,
/// and what is over the limit is answered 429 with Retry-After before any password is checked.
/// </summary>
public static class SignInRateLimiting
{
    public const string UserNameField = "Input.UserName";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                    ? RateLimitPartition.GetSlidingWindowLimiter("address:" + (ClientAddress.Of(context) ?? "unknown"),
                        _ => PerMinute(security.SignInAttemptsPerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                    ? RateLimitPartition.GetSlidingWindowLimiter("user:" + TypedUserName(context),
                        _ => PerMinute(security.SignInAttemptsPerUserPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many sign-in attempts · PharmaMes</title></head>"
                    + "<body style=\"font-family:sans-serif;max-width:36rem;margin:3rem auto;font-size:1.2rem\">"
                    + $"<h1>Too many sign-in attempts</h1><p>Wait {seconds} seconds, then <a href=\"/account/login\">sign in again</a>.</p>"
                    + "<p>If you have forgotten your password, ask an administrator.</p></body></html>", cancellationToken);
            };
        });
        return services;
    }

    /// <summary>Reads a sign-in form before the limiter runs, so the limiter can see the user name typed.</summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app) => app
        .Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType)
                await context.Request.ReadFormAsync(context.RequestAborted);
            await next(context);
        })
        .UseRateLimiter();

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    private static string TypedUserName(HttpContext context) =>
        context.Request.HasFormContentType && context.Request.Form.TryGetValue(UserNameField, out var name)
            ? name.ToString().Trim().ToLowerInvariant() is { Length: > 0 and <= 64 } typed ? typed : "(other)"
            : "(none)";

    private static SlidingWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
