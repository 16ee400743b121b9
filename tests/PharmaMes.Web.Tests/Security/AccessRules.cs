using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PharmaMes.Web.Tests.Security;

/// <summary>The rule each endpoint and page carries, read from the running app's endpoints.</summary>
public static class AccessRules
{
    public const string Anonymous = "(anyone)";
    public const string SignedIn = "(signed in)";

    /// <summary>"METHOD /route" → policy, for every endpoint the app maps but static files and Blazor's own plumbing.</summary>
    public static SortedDictionary<string, string> Of(IServiceProvider services)
    {
        var rules = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsPlumbing(route))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            var rule = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Anonymous
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? SignedIn;
            foreach (var method in methods)
                rules[$"{method} {route}"] = rule;
        }
        return rules;
    }

    private static bool IsPlumbing(string route) =>
        route.StartsWith("/_framework/", StringComparison.Ordinal) || route.StartsWith("/_blazor", StringComparison.Ordinal)
        || route.StartsWith("/_content/", StringComparison.Ordinal) || Path.HasExtension(route.Split('/').Last()) && !route.StartsWith("/api/", StringComparison.Ordinal)
            && !route.StartsWith("/openapi/", StringComparison.Ordinal);
}
