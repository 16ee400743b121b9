using FluentValidation;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace PharmaMes.Web.Components.Shared;

/// <summary>
/// Plugs a FluentValidation validator into the enclosing <see cref="EditForm"/>: the whole model is
/// checked on submit, and a field again whenever it changes, with each message attached to its
/// field so that a <c>ValidationMessage</c> shows it next to the input. Rules that compare fields
/// (a target within its limits) stay current: a changed field also refreshes the fields already
/// showing a message.
/// </summary>
/// <example><code>
/// &lt;EditForm Model="form" OnValidSubmit="SaveAsync"&gt;
///     &lt;FluentValidationValidator Validator="StepForm.Rules" /&gt;
///     &lt;InputText @bind-Value="form.Name" /&gt; &lt;ValidationMessage For="() =&gt; form.Name" /&gt;
/// &lt;/EditForm&gt;
/// </code></example>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private EditContext? _context;
    private ValidationMessageStore? _messages;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    /// <summary>The rules of the form's model.</summary>
    [Parameter, EditorRequired]
    public IValidator Validator { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be placed inside an EditForm.");
        if (ReferenceEquals(CurrentEditContext, _context))
            return;
        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidateModel;
        _context.OnFieldChanged += ValidateField;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var (context, messages) = (_context!, _messages!);
        messages.Clear();
        foreach (var failure in Validate(context.Model).Errors)
            messages.Add(context.Field(failure.PropertyName), failure.ErrorMessage);
        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        if (!ReferenceEquals(e.FieldIdentifier.Model, _context!.Model))
            return;
        var (context, messages) = (_context, _messages!);
        var refreshed = context.GetValidationMessages().Any()
            ? FieldsWithMessages(context).Append(e.FieldIdentifier.FieldName).ToHashSet()
            : [e.FieldIdentifier.FieldName];
        var result = Validate(context.Model, [.. refreshed]);
        foreach (var field in refreshed)
            messages.Clear(context.Field(field));
        foreach (var failure in result.Errors.Where(f => refreshed.Contains(f.PropertyName)))
            messages.Add(context.Field(failure.PropertyName), failure.ErrorMessage);
        context.NotifyValidationStateChanged();
    }

    private IEnumerable<string> FieldsWithMessages(EditContext context)
    {
        var model = context.Model;
        return model.GetType().GetProperties()
            .Select(p => p.Name)
            .Where(name => context.GetValidationMessages(new FieldIdentifier(model, name)).Any());
    }

    private FluentValidation.Results.ValidationResult Validate(object model, string[]? properties = null)
    {
        var context = properties is null
            ? new ValidationContext<object>(model)
            : new ValidationContext<object>(model, new PropertyChain(), new MemberNameValidatorSelector(properties));
        return Validator.Validate(context);
    }

    private void Detach()
    {
        if (_context is null)
            return;
        _context.OnValidationRequested -= ValidateModel;
        _context.OnFieldChanged -= ValidateField;
        _messages?.Clear();
        _context = null;
    }

    public void Dispose() => Detach();
}
