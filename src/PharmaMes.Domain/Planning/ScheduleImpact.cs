using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Planning;

/// <summary>
/// A disturbance of the schedule and the MES's answer to it: what happened (an equipment Down, back), the batches it
/// held, the orders it delays, and a new schedule proposed for a planner to accept. Kept, with who decided and why.
/// </summary>
public class ScheduleImpact
{
    public const int DescriptionMaxLength = 300;
    public const int ReasonMaxLength = 500;
    public const int MethodMaxLength = 200;

    public Guid Id { get; private set; }
    public ImpactCause Cause { get; private set; }
    /// <summary>The equipment, material or lot it is about.</summary>
    public string Subject { get; private set; } = "";
    /// <summary>"TP-01 is Down: Punch broken", as people read it.</summary>
    public string Description { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public ImpactStatus Status { get; private set; }
    public IReadOnlyList<string> HeldBatches { get; private set; } = [];
    public IReadOnlyList<ImpactedOrder> Orders { get; private set; } = [];
    public IReadOnlyList<ProposedOperation> Proposal { get; private set; } = [];
    /// <summary>How the proposal was made ("CP-SAT Optimal", "Earliest due date") and how long it took.</summary>
    public string Method { get; private set; } = "";
    public double ProposedInMilliseconds { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }

    protected ScheduleImpact() { }

    public ScheduleImpact(ImpactCause cause, string subject, string description, DateTimeOffset raisedAt, IReadOnlyList<string> heldBatches,
        IReadOnlyList<ImpactedOrder> orders, IReadOnlyList<ProposedOperation> proposal, string method, TimeSpan took)
    {
        Id = Ids.New();
        Cause = cause;
        Subject = Guard.Text(subject, "What an impact is about", 60);
        Description = Guard.Text(description.Length > DescriptionMaxLength ? description[..DescriptionMaxLength] : description, "An impact's description",
            DescriptionMaxLength);
        RaisedAt = raisedAt;
        Status = ImpactStatus.Proposed;
        HeldBatches = heldBatches;
        Orders = orders;
        Proposal = proposal;
        Method = method.Length > MethodMaxLength ? method[..MethodMaxLength] : method;
        ProposedInMilliseconds = Math.Round(took.TotalMilliseconds, 1);
    }

    /// <summary>Whether the proposal makes an order miss its due date (such a proposal is never applied automatically).</summary>
    public bool MissesADueDate => Orders.Any(o => o.MissesDueDate);

    /// <summary>The proposal becomes the schedule in force; by a planner with the reason, or by the site's rule.</summary>
    public void Accept(string by, string reason, DateTimeOffset at)
    {
        if (Status != ImpactStatus.Proposed)
            throw new DomainException($"This proposal is {Status}: only a proposal still waiting can be accepted.");
        DecisionReason = Guard.Text(reason, "A reason for accepting the proposal", ReasonMaxLength);
        DecidedBy = Guard.Text(by, "Who accepted the proposal", Production.Person.NameMaxLength);
        DecidedAt = at;
        Status = ImpactStatus.Accepted;
    }

    /// <summary>A newer impact's proposal replaces this one.</summary>
    public void Supersede(DateTimeOffset at)
    {
        if (Status != ImpactStatus.Proposed)
            return;
        Status = ImpactStatus.Superseded;
        DecidedAt = at;
    }
}
