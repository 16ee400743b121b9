using FluentValidation;
using PharmaMes.Domain.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>What an order from the ERP must hold before it reaches planning; a due date before today (UTC) is refused.</summary>
public sealed class ProductionOrderRequestValidator : AbstractValidator<ProductionOrderRequest>
{
    public ProductionOrderRequestValidator(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        RuleFor(r => r.ExternalId).NotEmpty().WithMessage("Give the order's id in the ERP: it makes a repeated request safe.")
            .MaximumLength(ProductionOrder.ExternalIdMaxLength).WithMessage($"An external id has at most {ProductionOrder.ExternalIdMaxLength} characters.");
        RuleFor(r => r.Product).Must(ErpFieldRules.IsMaterialCode).WithMessage("Give the product's material code, e.g. FG-PARA500.");
        RuleFor(r => r.Quantity).NotNull().WithMessage("Give the quantity to make.")
            .GreaterThan(0m).WithMessage("The quantity must be more than zero.");
        RuleFor(r => r.Unit).Must(ErpFieldRules.IsUnit).WithMessage(ErpFieldRules.UnitRule);
        RuleFor(r => r.DueDate).NotNull().WithMessage("Give the due date, e.g. 2026-12-15.")
            .GreaterThanOrEqualTo(today).WithMessage($"The due date may not be in the past (today is {today:yyyy-MM-dd} UTC).");
        RuleFor(r => r.Priority).NotNull().WithMessage($"Give the priority: {OrderPriority.Scale}.")
            .InclusiveBetween(ProductionOrder.HighestPriority, ProductionOrder.LowestPriority)
            .WithMessage($"The priority is one of {OrderPriority.Scale}.");
        RuleFor(r => r.CustomerReference).MaximumLength(ProductionOrder.CustomerReferenceMaxLength)
            .WithMessage($"A customer reference has at most {ProductionOrder.CustomerReferenceMaxLength} characters.");
    }
}
