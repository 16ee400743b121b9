using FluentValidation;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// Runs the validator registered for an endpoint's request body before the endpoint: a refused body is
/// answered with a validation problem (400, <c>errors</c> keyed by the JSON field name) and the endpoint
/// never sees it. The pages resolve the same validators, so a form and its API accept the same input.
/// </summary>
internal static class RequestValidationFilter
{
    public static RouteHandlerBuilder ValidateRequest(this RouteHandlerBuilder builder, string title) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var validated = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Validator: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
                .Where(p => services.IsService(p.Validator))
                .ToArray();
            // A validated endpoint without a registered validator would pass everything: fail at start-up instead.
            if (validated.Length == 0)
                throw new InvalidOperationException($"{factory.MethodInfo.Name} takes no request with a registered validator.");
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var (index, validatorType) in validated)
                {
                    if (context.Arguments[index] is not { } request)
                        continue;
                    var validator = (IValidator)context.HttpContext.RequestServices.GetRequiredService(validatorType);
                    var result = await validator.ValidateAsync(new ValidationContext<object>(request), context.HttpContext.RequestAborted);
                    foreach (var (field, messages) in result.ToErrors())
                        errors[field] = messages;
                }
                return errors.Count > 0
                    ? TypedResults.ValidationProblem(errors, title: title)
                    : await next(context);
            };
        });
}
