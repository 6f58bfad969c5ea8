using System.ComponentModel.DataAnnotations;

namespace BalanceBot.Hosting;

/// <summary>Configuration section <c>Privacy</c>: how users get their data (issue 8).</summary>
internal sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "Privacy";

    /// <summary>
    /// The address users reach this server at (the one Teams and Discord post to, without a path), for download
    /// links; "export my data" explains it is unavailable while this is empty.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>How long a download link of a user's data works.</summary>
    [Range(1, 60, ErrorMessage = "Privacy:ExportLinkMinutes must be between 1 and 60")]
    public int ExportLinkMinutes { get; set; } = 15;

    public Uri? PublicBaseUri => Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl.Trim().Length > 0 && PublicBaseUri is not { Scheme: "https" or "http" })
        {
            yield return new ValidationResult($"Privacy:PublicUrl must be an absolute http(s) address such as https://bot.example.com, not '{PublicUrl}'", [nameof(PublicUrl)]);
        }
    }
}
