using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// The ERP's inbound interface: production orders (idempotent by the ERP's external id), the material
/// master, goods receipts of lots, and the inventory they make. Every change is audited under the
/// API key's (or the person's) name.
/// </summary>
public static class ErpApi
{
    public static IEndpointRouteBuilder MapErpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ERP");
        api.MapPost("/production-orders", PlanOrderAsync).RequireAuthorization(Policies.ErpOrders).WithName("PlanProductionOrder")
            .ValidateRequest("The production order is not valid");
        api.MapGet("/production-orders", ListOrdersAsync).RequireAuthorization(Policies.ErpOrders).WithName("ListProductionOrders");
        api.MapGet("/production-orders/{number}", GetOrderAsync).RequireAuthorization(Policies.ErpOrders).WithName("GetProductionOrder");
        api.MapPut("/production-orders/{externalId}", UpdateOrderAsync).RequireAuthorization(Policies.ErpOrders).WithName("UpdateProductionOrder")
            .WithSummary("Plans or changes the order with this ERP id (409 once it has a batch or has started)");
        api.MapDelete("/production-orders/{externalId}", CancelOrderAsync).RequireAuthorization(Policies.ErpOrders).WithName("CancelProductionOrder")
            .WithSummary("Cancels the order with this ERP id (409 once it has a batch or has started)");
        api.MapPut("/materials/{code}", UpsertMaterialAsync).RequireAuthorization(Policies.ErpMaterials).WithName("UpsertMaterial");
        api.MapGet("/materials/{code}", GetMaterialAsync).RequireAuthorization(Policies.ErpMaterials).WithName("GetMaterial");
        api.MapPost("/lots/receipts", ReceiveLotAsync).RequireAuthorization(Policies.ErpLotReceipts).WithName("ReceiveLot")
            .ValidateRequest("The lot receipt is not valid");
        api.MapGet("/lots/{lot}", GetLotAsync).RequireAuthorization(Policies.ErpInventory).WithName("GetLot");
        api.MapGet("/lots/{lot}/genealogy", GetGenealogyAsync).RequireAuthorization(Policies.ErpInventory).WithName("GetLotGenealogy");
        api.MapGet("/inventory", ListInventoryAsync).RequireAuthorization(Policies.ErpInventory).WithName("ListInventory");
        api.MapGet("/inventory/{material}", GetInventoryAsync).RequireAuthorization(Policies.ErpInventory).WithName("GetMaterialInventory");
        return app;
    }

    private static async Task<Results<Created<ProductionOrderResource>, Ok<ProductionOrderResource>, ValidationProblem, ProblemHttpResult>> PlanOrderAsync(
        ProductionOrderRequest request, ErpOrderIntake intake, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var order = new ErpOrder(request.ExternalId!, request.Product!, request.Quantity!.Value, request.Unit!, request.DueDate!.Value, request.Priority!.Value,
            request.CustomerReference);
        var result = await intake.PlanAsync(order, AuditActor.Of(user), cancellationToken);
        var resource = ProductionOrderResource.Of(result.Order);
        return result.Outcome switch
        {
            ErpOrderOutcome.Created => TypedResults.Created($"/api/v1/production-orders/{Uri.EscapeDataString(resource.Number)}", resource),
            ErpOrderOutcome.AlreadyPlanned => TypedResults.Ok(resource),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The external id belongs to a different order",
                detail: $"Order {resource.Number} already holds external id '{resource.ExternalId}' with a different {string.Join(", ", result.DifferingFields)}. Nothing was created or changed.",
                extensions: new Dictionary<string, object?> { ["order"] = resource.Number, ["fields"] = result.DifferingFields }),
        };
    }

    private static async Task<Results<Created<ProductionOrderResource>, Ok<ProductionOrderResource>, ValidationProblem, ProblemHttpResult>> UpdateOrderAsync(
        string externalId, ProductionOrderRequest request, ErpOrderIntake intake, IValidator<ProductionOrderRequest> rules, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // Checked here, not by the filter: the body's id is filled from the address first, and both are checked together.
        request = request with { ExternalId = request.ExternalId ?? externalId };
        var validation = await rules.ValidateAsync(request, cancellationToken);
        var errors = validation.ToErrors();
        if (!string.Equals(request.ExternalId?.Trim(), externalId.Trim(), StringComparison.Ordinal))
            errors["externalId"] = [$"The body's externalId '{request.ExternalId}' is not the one in the address, '{externalId}': send it without one, or the same."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The production order is not valid");
        var order = new ErpOrder(externalId, request.Product!, request.Quantity!.Value, request.Unit!, request.DueDate!.Value, request.Priority!.Value,
            request.CustomerReference);
        var result = await intake.UpdateAsync(order, AuditActor.Of(user), cancellationToken);
        var resource = ProductionOrderResource.Of(result.Order);
        return result.Outcome switch
        {
            ErpOrderOutcome.Created => TypedResults.Created($"/api/v1/production-orders/{Uri.EscapeDataString(resource.Number)}", resource),
            ErpOrderOutcome.AlreadyPlanned or ErpOrderOutcome.Changed => TypedResults.Ok(resource),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The external id belongs to an order of another product",
                detail: $"Order {resource.Number} holds external id '{resource.ExternalId}' with a different {string.Join(", ", result.DifferingFields)}: "
                    + "that cannot change on an order. Cancel it (DELETE) and send a new order under a new id. Nothing was changed.",
                extensions: new Dictionary<string, object?> { ["order"] = resource.Number, ["fields"] = result.DifferingFields }),
        };
    }

    private static async Task<Ok<ProductionOrderResource>> CancelOrderAsync(string externalId, string? reason, ErpOrderIntake intake, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ProductionOrderResource.Of(await intake.CancelAsync(externalId, reason, AuditActor.Of(user), cancellationToken)));

    private static async Task<Ok<List<ProductionOrderResource>>> ListOrdersAsync(string? externalId, ErpOrderIntake intake, CancellationToken cancellationToken) =>
        TypedResults.Ok((await intake.ListAsync(externalId, cancellationToken)).Select(ProductionOrderResource.Of).ToList());

    private static async Task<Results<Ok<ProductionOrderResource>, ProblemHttpResult>> GetOrderAsync(string number, ErpOrderIntake intake, CancellationToken cancellationToken) =>
        await intake.GetAsync(number, cancellationToken) is { } order
            ? TypedResults.Ok(ProductionOrderResource.Of(order))
            : NotFound("Production order not found", $"There is no production order with the number '{number}'.");

    private static async Task<Results<Created<MaterialMasterResource>, Ok<MaterialMasterResource>, ValidationProblem>> UpsertMaterialAsync(
        string code, MaterialMasterRequest request, IValidator<MaterialMasterRequest> rules, MaterialMasterService materials, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // Checked here, not by the filter: the code in the address is checked with the body.
        var validation = await rules.ValidateAsync(request, cancellationToken);
        var errors = validation.ToErrors();
        if (!ErpFieldRules.IsMaterialCode(code))
            errors["code"] = ["A material code in the address: letters, digits, '-', '_' and '.', up to 40 characters."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The material is not valid");
        var data = new MaterialMasterData(code, request.Name!, ErpFieldRules.MaterialTypeOf(request.Type!), request.Unit!.Trim(), request.ReorderPoint!.Value, request.SafetyStock!.Value,
            request.ShelfLifeDays, request.StorageCondition);
        var result = await materials.UpsertAsync(data, AuditActor.Of(user), cancellationToken);
        var resource = MaterialMasterResource.Of(result.Material);
        return result.Created
            ? TypedResults.Created($"/api/v1/materials/{Uri.EscapeDataString(resource.Code)}", resource)
            : TypedResults.Ok(resource);
    }

    private static async Task<Results<Ok<MaterialMasterResource>, ProblemHttpResult>> GetMaterialAsync(string code, MaterialMasterService materials, CancellationToken cancellationToken) =>
        await materials.GetAsync(code, cancellationToken) is { } material
            ? TypedResults.Ok(MaterialMasterResource.Of(material))
            : MaterialNotFound(code);

    private static async Task<Results<Created<LotResource>, ValidationProblem, ProblemHttpResult>> ReceiveLotAsync(
        LotReceiptRequest request, LotReceiving receiving, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var receipt = new LotReceipt(request.Material!, request.LotNumber!, request.Quantity!.Value, request.Unit!, request.ExpiryDate!.Value, request.SupplierLot);
        var result = await receiving.ReceiveAsync(receipt, AuditActor.Of(user), cancellationToken);
        var lot = LotResource.Of(result.Lot);
        return result.AlreadyReceived
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The lot number is already taken",
                detail: $"Lot {lot.Number} of {lot.Material} was received on {lot.ReceivedAt:yyyy-MM-dd HH:mm} UTC. A second receipt under the same number was not recorded.",
                extensions: new Dictionary<string, object?> { ["lot"] = lot.Number })
            : TypedResults.Created($"/api/v1/lots/{Uri.EscapeDataString(lot.Number)}", lot);
    }

    private static async Task<Results<Ok<LotResource>, ProblemHttpResult>> GetLotAsync(string lot, InventoryQueries inventory, CancellationToken cancellationToken) =>
        await inventory.GetLotAsync(lot, cancellationToken) is { } found
            ? TypedResults.Ok(LotResource.Of(found))
            : NotFound("Lot not found", $"There is no lot with the number '{lot}'.");

    private static async Task<Results<Ok<LotGenealogyResource>, ValidationProblem, ProblemHttpResult>> GetGenealogyAsync(
        string lot, string? direction, LotGenealogyService genealogy, CancellationToken cancellationToken)
    {
        GenealogyDirection? wanted = string.IsNullOrWhiteSpace(direction) ? GenealogyDirection.Backward : direction.Trim().ToLowerInvariant() switch
        {
            "backward" => GenealogyDirection.Backward,
            "forward" => GenealogyDirection.Forward,
            _ => null,
        };
        if (wanted is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = ["backward (what went into the lot) or forward (where it went)."] },
                title: "The genealogy request is not valid");
        return await genealogy.GetAsync(lot, wanted.Value, cancellationToken) is { } tree
            ? TypedResults.Ok(LotGenealogyResource.Of(tree))
            : NotFound("Lot not found", $"There is no lot with the number '{lot}'.");
    }

    private static async Task<Ok<List<InventoryResource>>> ListInventoryAsync(MaterialStockService stock, CancellationToken cancellationToken) =>
        TypedResults.Ok((await stock.ListAsync(cancellationToken)).Select(InventoryResource.Of).ToList());

    private static async Task<Results<Ok<InventoryResource>, ProblemHttpResult>> GetInventoryAsync(string material, InventoryQueries inventory, CancellationToken cancellationToken) =>
        await inventory.GetMaterialAsync(material, cancellationToken) is { } found
            ? TypedResults.Ok(InventoryResource.Of(found))
            : MaterialNotFound(material);

    private static ProblemHttpResult MaterialNotFound(string code) =>
        NotFound("Material not found", $"There is no material with the code '{code}'.");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
