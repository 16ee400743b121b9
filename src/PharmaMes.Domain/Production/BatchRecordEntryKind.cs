namespace PharmaMes.Domain.Production;

/// <summary>What an electronic batch record entry records.</summary>
public enum BatchRecordEntryKind
{
    BatchCreated,
    BatchStarted,
    BatchHeld,
    BatchResumed,
    BatchCompleted,
    BatchAborted,
    StepStarted,
    /// <summary>The step was performed; if it needs verification it now awaits it.</summary>
    StepCompleted,
    StepVerified,
    StepSkipped,
    EquipmentUsed,
    ValueRecorded,
    /// <summary>A value taken from the telemetry of the step's equipment, with the tag and the time of the readings.</summary>
    ValueCaptured,
    /// <summary>A new value for an earlier entry, with a reason; the earlier entry stays as it was.</summary>
    ValueCorrected,
    MaterialDispensed,
    /// <summary>Dispensed material not used, returned to its lot's stock.</summary>
    MaterialReturned,
    /// <summary>Dispensed material lost (spilt, rejected in process), with the reason.</summary>
    MaterialWasted,
    Excursion,
    Comment,
    QualityExceptionRaised,
    QualityExceptionClosed,
    Signature,
    Disposition,
    /// <summary>What the batch actually made, and where the figure came from (the operator's count or the line's).</summary>
    YieldRecorded,
}
