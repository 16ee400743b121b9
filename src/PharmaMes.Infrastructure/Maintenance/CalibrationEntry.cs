namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>A calibration as the technician records it.</summary>
public sealed record CalibrationEntry(string Instrument, string ReferenceStandard, string StandardCertificate, string AsFound, string AsLeft,
    bool Passed, DateOnly CalibratedOn, DateOnly? NextDueOn, string? Comment);
