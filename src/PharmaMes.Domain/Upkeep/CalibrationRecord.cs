using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Upkeep;

/// <summary>
/// The record of one calibration of a unit's instrument (21 CFR 211.68, 211.160(b)(4)): against which
/// reference standard and certificate, what was found and what was left, whether it passed, and when
/// the next one is due. A pass keeps the unit usable; a failure blocks it.
/// </summary>
public class CalibrationRecord
{
    public const int TextMaxLength = 200;
    public const int CommentMaxLength = 1000;

    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public PlantCode EquipmentCode { get; private set; }
    /// <summary>The instrument calibrated: usually one of the unit's tags (e.g. "weight"), or a named gauge.</summary>
    public string Instrument { get; private set; } = "";
    public string ReferenceStandard { get; private set; } = "";
    public string StandardCertificate { get; private set; } = "";
    public string AsFound { get; private set; } = "";
    public string AsLeft { get; private set; } = "";
    public bool Passed { get; private set; }
    public DateOnly CalibratedOn { get; private set; }
    /// <summary>When the next calibration is due; none after a failure (the unit is blocked until one passes).</summary>
    public DateOnly? NextDueOn { get; private set; }
    public Guid PerformedById { get; private set; }
    public string PerformedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? Comment { get; private set; }

    protected CalibrationRecord() { }

    /// <summary>
    /// What is wrong with a calibration's dates, each with the property it concerns; empty when nothing is.
    /// The record refuses the first; the API names each next to its field.
    /// </summary>
    public static IReadOnlyList<(string Property, string Message)> DateProblems(bool passed, DateOnly calibratedOn, DateOnly? nextDueOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (calibratedOn > today)
            problems.Add((nameof(CalibratedOn), $"A calibration cannot be dated in the future ({calibratedOn:yyyy-MM-dd} is after today, {today:yyyy-MM-dd})."));
        if (passed && nextDueOn is null)
            problems.Add((nameof(NextDueOn), "A calibration that passed needs the date the next one is due."));
        else if (passed && nextDueOn <= calibratedOn)
            problems.Add((nameof(NextDueOn), $"The next calibration must be due after the calibration on {calibratedOn:yyyy-MM-dd}."));
        return problems;
    }

    private CalibrationRecord(Equipment equipment, string instrument, string referenceStandard, string certificate, string asFound, string asLeft,
        bool passed, DateOnly calibratedOn, DateOnly? nextDueOn, Person by, string? comment, DateTimeOffset now)
    {
        if (DateProblems(passed, calibratedOn, nextDueOn, DateOnly.FromDateTime(now.UtcDateTime)) is [var problem, ..])
            throw new DomainException(problem.Message);
        Id = Ids.New();
        EquipmentId = equipment.Id;
        EquipmentCode = equipment.Code;
        Instrument = Guard.Text(instrument, "The instrument calibrated", TextMaxLength);
        ReferenceStandard = Guard.Text(referenceStandard, "The reference standard", TextMaxLength);
        StandardCertificate = Guard.Text(certificate, "The reference standard's certificate", TextMaxLength);
        AsFound = Guard.Text(asFound, "The as-found result", TextMaxLength);
        AsLeft = Guard.Text(asLeft, "The as-left result", TextMaxLength);
        Passed = passed;
        CalibratedOn = calibratedOn;
        NextDueOn = passed ? nextDueOn : null;
        PerformedById = by.Id;
        PerformedByName = by.Name;
        RecordedAt = now;
        Comment = Guard.OptionalText(comment, "A calibration comment", CommentMaxLength);
    }

    /// <summary>Records a calibration and applies it to the unit: a pass sets its next due date, a failure blocks it.</summary>
    public static CalibrationRecord Record(Equipment equipment, string instrument, string referenceStandard, string certificate, string asFound,
        string asLeft, bool passed, DateOnly calibratedOn, DateOnly? nextDueOn, Person by, string? comment, DateTimeOffset now)
    {
        if (equipment.IsRetired)
            throw new DomainException($"{equipment.Code} is retired: it is no longer calibrated.");
        var record = new CalibrationRecord(equipment, instrument, referenceStandard, certificate, asFound, asLeft, passed, calibratedOn, nextDueOn, by, comment, now);
        if (passed)
            equipment.RecordCalibration(calibratedOn, nextDueOn!.Value);
        else
            equipment.RecordFailedCalibration(calibratedOn);
        return record;
    }

    public SignedContent Content() => new SignedContent()
        .Add("Record", "Calibration")
        .Add("Id", Id)
        .Add("Equipment", EquipmentCode.Value)
        .Add("Instrument", Instrument)
        .Add("ReferenceStandard", ReferenceStandard)
        .Add("Certificate", StandardCertificate)
        .Add("AsFound", AsFound)
        .Add("AsLeft", AsLeft)
        .Add("Result", Passed ? "Pass" : "Fail")
        .Add("CalibratedOn", CalibratedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .Add("NextDueOn", NextDueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .Add("Comment", Comment);
}
