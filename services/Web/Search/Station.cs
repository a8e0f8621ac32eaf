namespace Changxing.Web.Search;

/// <summary>A station by its telegraph code (VNP 北京南).</summary>
public sealed record Station(string Code, string Name, string Pinyin);
