using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Production;

/// <summary>
/// A production order (ISA-95 production request): make a quantity of a product by a due date.
/// Planning creates and releases it; batches are made for a released order; QA's disposition of
/// its batches lets it be closed.
/// </summary>
public class ProductionOrder
{
    public const int ExternalIdMaxLength = 60;
    public const int CustomerReferenceMaxLength = 60;
    public const int ReasonMaxLength = 500;
    public const int HighestPriority = OrderPriority.Urgent;
    public const int LowestPriority = OrderPriority.Low;

    public Guid Id { get; private set; }
    public OrderNumber Number { get; private set; }
    /// <summary>The order's key in the ERP, when it came from there.</summary>
    public string? ExternalId { get; private set; }
    public MaterialCode ProductCode { get; private set; }
    public Quantity Quantity { get; private set; }
    public DateOnly DueDate { get; private set; }
    /// <summary>1 Urgent to 5 Low (<see cref="OrderPriority"/>).</summary>
    public int Priority { get; private set; }
    public string? CustomerReference { get; private set; }
    /// <summary>The line planned to make it; null while not yet scheduled.</summary>
    public PlantCode? LineCode { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>
    /// Counts the order's changes: a save of a change made from an older version is refused, so two nodes or people
    /// changing the order at once end in a conflict, not in the second silently undoing the first.
    /// </summary>
    public int Version { get; private set; }

    protected ProductionOrder() { }

    private ProductionOrder(OrderNumber number, MaterialCode productCode, DateTimeOffset at, string? externalId, string? customerReference)
    {
        Id = Ids.New();
        Number = number;
        ProductCode = productCode;
        Status = OrderStatus.Planned;
        CreatedAt = at;
        ExternalId = Guard.OptionalText(externalId, "An external order id", ExternalIdMaxLength);
        CustomerReference = Guard.OptionalText(customerReference, "A customer reference", CustomerReferenceMaxLength);
    }

    public static ProductionOrder Plan(OrderNumber number, MaterialCode productCode, Quantity quantity, DateOnly dueDate, int priority,
        DateTimeOffset at, string? externalId = null, string? customerReference = null, PlantCode? lineCode = null)
    {
        var order = new ProductionOrder(number, productCode, at, externalId, customerReference);
        order.SetPlan(quantity, dueDate, priority, lineCode);
        return order;
    }

    /// <summary>
    /// Changes what planning decided, until production starts: a Planned or Released order (making its first batch
    /// starts it, so no batch has been sized from it yet).
    /// </summary>
    public void Replan(Quantity quantity, DateOnly dueDate, int priority, PlantCode? lineCode)
    {
        if (!IsChangeable)
            throw new DomainException($"Order {Number} is {Status}: only a Planned or Released order that has not started can be changed.");
        if (quantity.Unit != Quantity.Unit)
            throw new DomainException($"Order {Number} is counted in {Quantity.Unit}, not {quantity.Unit}.");
        SetPlan(quantity, dueDate, priority, lineCode);
        Touch();
    }

    /// <summary>The customer's reference changes with the customer's order, until production starts.</summary>
    public void ChangeCustomerReference(string? customerReference)
    {
        if (!IsChangeable)
            throw new DomainException($"Order {Number} is {Status}: only a Planned or Released order that has not started can be changed.");
        CustomerReference = Guard.OptionalText(customerReference, "A customer reference", CustomerReferenceMaxLength);
        Touch();
    }

    /// <summary>Whether quantity, due date, priority and line may still change: production has not started.</summary>
    public bool IsChangeable => Status is OrderStatus.Planned or OrderStatus.Released;

    /// <summary>The priority as planners say it: "Urgent" … "Low".</summary>
    public string PriorityName => OrderPriority.NameOf(Priority);

    public void Release(DateTimeOffset at)
    {
        OrderStatusMachine.EnsureCanChange(Status, OrderStatus.Released, Number);
        Status = OrderStatus.Released;
        ReleasedAt = at;
        Touch();
    }

    /// <summary>
    /// A batch of the order has started. The first one moves the order to InProgress; later batches
    /// of the same order change nothing.
    /// </summary>
    public void Start(DateTimeOffset at)
    {
        if (Status == OrderStatus.InProgress)
            return;
        OrderStatusMachine.EnsureCanChange(Status, OrderStatus.InProgress, Number);
        Status = OrderStatus.InProgress;
        StartedAt = at;
        Touch();
    }

    public void Complete(DateTimeOffset at)
    {
        OrderStatusMachine.EnsureCanChange(Status, OrderStatus.Completed, Number);
        Status = OrderStatus.Completed;
        CompletedAt = at;
        Touch();
    }

    /// <summary>Closes a completed order; the caller checks that every batch has a QA disposition.</summary>
    public void Close(DateTimeOffset at)
    {
        OrderStatusMachine.EnsureCanChange(Status, OrderStatus.Closed, Number);
        Status = OrderStatus.Closed;
        ClosedAt = at;
        Touch();
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        OrderStatusMachine.EnsureCanChange(Status, OrderStatus.Cancelled, Number);
        CancelReason = Guard.Text(reason, "A reason for cancelling an order", ReasonMaxLength);
        Status = OrderStatus.Cancelled;
        CancelledAt = at;
        Touch();
    }

    /// <summary>Whether batches may be made for the order now.</summary>
    public bool AcceptsBatches => Status is OrderStatus.Released or OrderStatus.InProgress;

    private void Touch() => Version++;

    private void SetPlan(Quantity quantity, DateOnly dueDate, int priority, PlantCode? lineCode)
    {
        if (quantity.Unit.Symbol is null || quantity.Amount <= 0)
            throw new DomainException($"The quantity of order {Number} must be more than zero.");
        if (!OrderPriority.IsValid(priority))
            throw new DomainException($"The priority of order {Number} must be one of {OrderPriority.Scale} (got {priority}).");
        Quantity = quantity;
        DueDate = dueDate;
        Priority = priority;
        LineCode = lineCode;
    }
}
