using PharmaMes.Domain.Plant;

namespace PharmaMes.Web.Endpoints;

/// <summary>The signer's user name and password, re-entered for every signature (21 CFR 11.200).</summary>
public sealed record SignatureRequestBody(string? UserName, string? Password);

/// <summary>A cleaning recorded through the API by the person who did it, with their signature.</summary>
public sealed record CleaningRequest(CleaningMethod? Method, string? CleaningAgent, DateTimeOffset? CleanedAt, string? Comment, SignatureRequestBody? Signature);

/// <summary>A verification (or refusal, with a reason) of a cleaning, by a second person.</summary>
public sealed record CleaningVerificationRequest(string? Reason, SignatureRequestBody? Signature);

/// <summary>A calibration recorded through the API by the technician, with their signature.</summary>
public sealed record CalibrationRequest(string? Instrument, string? ReferenceStandard, string? StandardCertificate, string? AsFound, string? AsLeft,
    bool? Passed, DateOnly? CalibratedOn, DateOnly? NextDueOn, string? Comment, SignatureRequestBody? Signature);
