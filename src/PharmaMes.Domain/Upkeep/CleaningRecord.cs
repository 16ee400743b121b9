using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Upkeep;

/// <summary>
/// The record of one cleaning of a unit (21 CFR 211.67, 211.182): how it was cleaned and with what,
/// which product and batch it removed, who cleaned it (a person, or the unit's own CIP cycle) and the
/// second person who verified it. The unit is clean only from the verification on.
/// </summary>
public class CleaningRecord
{
    public const int AgentMaxLength = 120;
    public const int CommentMaxLength = 1000;
    public const int NameMaxLength = Person.NameMaxLength;

    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public PlantCode EquipmentCode { get; private set; }
    public CleaningMethod Method { get; private set; }
    public string? CleaningAgent { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset CleanedAt { get; private set; }
    /// <summary>The product and batch the cleaning removed (what last ran on the unit).</summary>
    public string? AfterProductCode { get; private set; }
    public string? AfterBatchNumber { get; private set; }
    /// <summary>Null when the unit reported its own cleaning cycle (CIP/SIP).</summary>
    public Guid? CleanedById { get; private set; }
    public string CleanedByName { get; private set; } = "";
    public string? Comment { get; private set; }
    public CleaningRecordStatus Status { get; private set; }
    public Guid? VerifiedById { get; private set; }
    public string? VerifiedByName { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RefusalReason { get; private set; }

    public bool ReportedByDevice => CleanedById is null;

    protected CleaningRecord() { }

    /// <summary>Why a cleaning finished at <paramref name="cleanedAt"/> cannot be recorded yet, or null; the API names it next to its field.</summary>
    public static string? FinishedInTheFuture(DateTimeOffset cleanedAt, DateTimeOffset now) =>
        cleanedAt > now ? $"A cleaning cannot be recorded in the future ({cleanedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC is after now)." : null;

    private CleaningRecord(Equipment equipment, CleaningMethod method, string? agent, DateTimeOffset? startedAt, DateTimeOffset cleanedAt,
        Guid? cleanedById, string cleanedByName, string? comment, DateTimeOffset now)
    {
        if (FinishedInTheFuture(cleanedAt, now) is { } future)
            throw new DomainException(future);
        if (startedAt is { } start && start > cleanedAt)
            throw new DomainException("A cleaning cannot end before it started.");
        if (equipment.CleaningMethodShortfall(method, cleanedAt) is { } shortfall)
            throw new DomainException(shortfall);
        Id = Ids.New();
        EquipmentId = equipment.Id;
        EquipmentCode = equipment.Code;
        Method = method;
        CleaningAgent = Guard.OptionalText(agent, "A cleaning agent", AgentMaxLength);
        StartedAt = startedAt;
        CleanedAt = cleanedAt;
        AfterProductCode = equipment.LastProductCode;
        AfterBatchNumber = equipment.LastBatchNumber;
        CleanedById = cleanedById;
        CleanedByName = Guard.Text(cleanedByName, "The name of who cleaned", NameMaxLength);
        Comment = Guard.OptionalText(comment, "A cleaning comment", CommentMaxLength);
        Status = CleaningRecordStatus.AwaitingVerification;
    }

    /// <summary>A person records the cleaning they did; the unit waits for a second person's verification.</summary>
    public static CleaningRecord ByPerson(Equipment equipment, CleaningMethod method, string? agent, DateTimeOffset cleanedAt, Person cleanedBy,
        string? comment, DateTimeOffset now)
    {
        if (method == CleaningMethod.CleanInPlace)
            throw new DomainException("A clean-in-place cycle is reported by the equipment itself; record a person's cleaning as minor, major or product changeover.");
        if (equipment.State is EquipmentState.Running or EquipmentState.Held)
            throw new DomainException($"{equipment.Code} is {equipment.State}: it cannot be cleaned while product is in it.");
        var record = new CleaningRecord(equipment, method, agent, null, cleanedAt, cleanedBy.Id, cleanedBy.Name, comment, now);
        equipment.BeginCleaning(now);
        return record;
    }

    /// <summary>The unit reports a completed CIP/SIP cycle; a person verifies it.</summary>
    public static CleaningRecord ByDevice(Equipment equipment, string? agent, DateTimeOffset? startedAt, DateTimeOffset cleanedAt, string? program,
        DateTimeOffset now)
    {
        var record = new CleaningRecord(equipment, CleaningMethod.CleanInPlace, agent, startedAt, cleanedAt, null,
            $"{equipment.Code} (clean-in-place)", program is null ? null : $"Program {program}", now);
        equipment.BeginCleaning(now);
        return record;
    }

    /// <summary>A second person confirms the cleaning: the unit is clean for its clean hold time.</summary>
    public void Verify(Equipment equipment, Person verifier, DateTimeOffset at)
    {
        EnsureAwaiting();
        if (CleanedById == verifier.Id)
            throw new DomainException("The person who cleaned a unit cannot verify the cleaning: a second person must.");
        equipment.AcceptCleaning(Method, CleanedAt, at);
        Status = CleaningRecordStatus.Verified;
        VerifiedById = verifier.Id;
        VerifiedByName = verifier.Name;
        VerifiedAt = at;
    }

    /// <summary>The verifier finds the unit not clean: it stays dirty and is cleaned again.</summary>
    public void Refuse(Equipment equipment, Person verifier, string reason, DateTimeOffset at)
    {
        EnsureAwaiting();
        RefusalReason = Guard.Text(reason, "A reason for refusing the cleaning", CommentMaxLength);
        equipment.AbandonCleaning(at);
        Status = CleaningRecordStatus.Refused;
        VerifiedById = verifier.Id;
        VerifiedByName = verifier.Name;
        VerifiedAt = at;
    }

    private void EnsureAwaiting()
    {
        if (Status != CleaningRecordStatus.AwaitingVerification)
            throw new DomainException($"This cleaning of {EquipmentCode} is already {Status}.");
    }

    /// <summary>What the cleaner and the verifier sign: the cleaning as recorded.</summary>
    public SignedContent Content() => new SignedContent()
        .Add("Record", "Cleaning")
        .Add("Id", Id)
        .Add("Equipment", EquipmentCode.Value)
        .Add("Method", Method)
        .Add("Agent", CleaningAgent)
        .Add("StartedAt", StartedAt)
        .Add("CleanedAt", CleanedAt)
        .Add("AfterProduct", AfterProductCode)
        .Add("AfterBatch", AfterBatchNumber)
        .Add("CleanedBy", CleanedByName)
        .Add("Comment", Comment);
}
