using Changxing.Membership.Accounts;

namespace Changxing.Membership.Tests.Rules;

/// <summary>GB 11643: 18 characters, ISO 7064 MOD 11-2 check character, birth date in characters 7 to 14.</summary>
public sealed class ResidentIdNumberSpecs
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)] // the standard's own example, check character X
    [InlineData("440524188001010014", 1880, 1, 1)]
    [InlineData("11010119900307002x", 1990, 3, 7)] // lower-case x is accepted and normalised
    public void Should_accept_numbers_whose_check_character_matches_and_read_the_birth_date(string text, int year, int month, int day)
    {
        Assert.True(ResidentIdNumber.TryParse(text, out var id));
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
        Assert.Equal(text.ToUpperInvariant(), id.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // check character should be X
    [InlineData("440524188001010015")] // check character should be 4
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("11010519491331002X")] // month 13
    [InlineData("1101A519491231002X")] // a letter among the digits
    [InlineData("")]
    [InlineData(null)]
    public void Should_refuse_malformed_numbers_and_wrong_check_characters(string? text) =>
        Assert.False(ResidentIdNumber.TryParse(text, out _));

    /// <summary>
    /// One number per check character. The two GB 11643 examples aside, the numbers were computed apart from the code
    /// under test, with the standard's formula (weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written X),
    /// so a wrong entry in the code's table fails here.
    /// </summary>
    [Theory]
    [InlineData("110101199003070070", '0')]
    [InlineData("110101199003070011", '1')]
    [InlineData("110101199003070062", '2')]
    [InlineData("110101199003070193", '3')]
    [InlineData("440524188001010014", '4')] // the standard's example
    [InlineData("110101199003070185", '5')]
    [InlineData("110101199003070046", '6')]
    [InlineData("110101199003070097", '7')]
    [InlineData("110101199003070038", '8')]
    [InlineData("110101199003070089", '9')]
    [InlineData("11010519491231002X", 'X')] // the standard's example
    public void Should_compute_each_of_the_eleven_check_characters_and_accept_only_that_one(string number, char check)
    {
        Assert.Equal(check, ResidentIdNumber.CheckCharacterFor(number.AsSpan(0, 17)));
        Assert.True(ResidentIdNumber.TryParse(number, out _));
        foreach (var other in "0123456789X".Where(c => c != check))
        {
            Assert.False(ResidentIdNumber.TryParse(number[..17] + other, out _), $"{number[..17]}{other} has the wrong check character");
        }
    }

    [Theory]
    [InlineData("2026-05-16", 35)] // the day before the birthday
    [InlineData("2026-05-17", 36)] // the birthday itself
    public void Should_compute_the_age_on_a_given_date(string on, int expected)
    {
        var first17 = "11010119900517001";
        Assert.True(ResidentIdNumber.TryParse(first17 + ResidentIdNumber.CheckCharacterFor(first17), out var id));
        Assert.Equal(expected, id.AgeOn(DateOnly.Parse(on)));
    }

    [Fact]
    public void Should_mask_all_but_the_first_four_and_last_four_characters()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002X", out var id));
        Assert.Equal("1101**********002X", id.Masked);
        Assert.Equal("1101**********002X", id.ToString());
    }
}
