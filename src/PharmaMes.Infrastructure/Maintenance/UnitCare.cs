using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>One unit as maintenance sees it: its status and why it may not be used, its rules, and its open cleaning.</summary>
public sealed record UnitCare(
    string Code,
    string Name,
    EquipmentClass Class,
    EquipmentState State,
    EquipmentStatus Status,
    DateTimeOffset StatusSince,
    IReadOnlyList<string> ReasonsNotUsable,
    CleaningRules Rules,
    string? LastBatchNumber,
    string? LastProductCode,
    DateTimeOffset? DirtySince,
    DateTimeOffset? CleanUntil,
    bool NeedsMajorCleaning,
    DateOnly? CalibrationDueOn,
    DateOnly? LastCalibratedOn,
    DateOnly? CalibrationFailedOn,
    int CalibrationIntervalDays,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<CleaningToVerify> AwaitingVerification,
    DateTimeOffset At);
