using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary><c>/api/v1/plant</c> and <c>/api/v1/equipment</c>: the equipment hierarchy for people and machine clients.</summary>
public static class PlantApi
{
    public static IEndpointRouteBuilder MapPlantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.PlantReader).WithTags("Plant");
        api.MapGet("/plant", GetPlantAsync).WithName("GetPlant");
        api.MapGet("/equipment/{code}", GetEquipmentAsync).WithName("GetEquipment");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PlantOverview>>> GetPlantAsync(PlantOverviewService plant, CancellationToken cancellationToken) =>
        TypedResults.Ok(await plant.GetAsync(cancellationToken));

    private static async Task<Results<Ok<EquipmentOverview>, ProblemHttpResult>> GetEquipmentAsync(string code, PlantOverviewService plant, CancellationToken cancellationToken)
    {
        var equipment = (await plant.GetAsync(cancellationToken))
            .SelectMany(s => s.Areas).SelectMany(a => a.Lines).SelectMany(l => l.Equipment)
            .FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));
        return equipment is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Equipment not found", detail: $"There is no equipment with the code '{code}'.")
            : TypedResults.Ok(equipment);
    }
}
