using System.Management.Automation;
using System.Net;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live.Estate;

namespace DbArchitect.PS;

/// <summary>
/// Credentials named by -CredentialName or an inventory's credential column, read with Microsoft.PowerShell.SecretManagement's
/// Get-Secret on the pipeline thread, once per name. The secret must be a PSCredential (user and password); it goes to
/// the driver and nowhere else. Without the module, each target that names a credential gets a clear error.
/// </summary>
internal sealed class SecretCredentials
{
    private const string Module = "Microsoft.PowerShell.SecretManagement";

    private readonly PSCmdlet _cmdlet;
    private readonly Dictionary<string, (NetworkCredential? Credential, string? Problem, string? Fix, string Id)> _read = new(StringComparer.Ordinal);

    public SecretCredentials(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    public bool TryGet(string name, EstateTarget target, out NetworkCredential? credential, out DbArchitectError? error)
    {
        if (!_read.TryGetValue(name, out var read))
        {
            read = Read(name);
            _read[name] = read;
        }

        credential = read.Credential;
        error = read.Problem is null ? null : new DbArchitectError(read.Id, ErrorKind.SecurityError,
            $"The credential '{name}' of {target.Description} could not be read: {read.Problem}", read.Fix, target.Source, target.Description);
        return error is null;
    }

    private (NetworkCredential?, string?, string?, string) Read(string name)
    {
        var getSecret = _cmdlet.InvokeCommand.GetCommand(Module + "\\Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function);
        if (getSecret is null)
        {
            return (null, $"{Module} is not installed, so named credentials cannot be looked up.",
                $"Install it (Install-PSResource {Module}) and register a vault holding '{name}' as a PSCredential, or pass -Credential instead.", "SecretManagementNotInstalled");
        }

        try
        {
            var found = _cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($Name) & $args[0] -Name $Name -ErrorAction Stop"), null, name, getSecret);
            var value = found.Count == 1 ? found[0]?.BaseObject : null;
            return value is PSCredential credential
                ? (credential.GetNetworkCredential(), null, null, string.Empty)
                : (null, $"the secret is {(value is null ? "empty" : "a " + value.GetType().Name)}, not a PSCredential.",
                    $"Store it as a credential: Set-Secret -Name {name} -Secret (Get-Credential).", "CredentialNotPSCredential");
        }
        catch (RuntimeException ex)
        {
            return (null, ex.Message, $"Check that a registered vault holds a secret named '{name}' (Get-SecretInfo -Name {name}).", "CredentialNotFound");
        }
    }
}
