namespace PharmaMes.Infrastructure.Production;

/// <summary>What became of an order the ERP sent.</summary>
public enum ErpOrderOutcome
{
    /// <summary>A new order was planned.</summary>
    Created,
    /// <summary>An order with that external id already existed with the same content: nothing was created.</summary>
    AlreadyPlanned,
    /// <summary>An order with that external id exists with different content: nothing was created or changed.</summary>
    Conflict,
    /// <summary>The order with that external id was changed as sent (quantity, due date, priority, customer reference).</summary>
    Changed,
}
