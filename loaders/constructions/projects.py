"""Projects: who runs them, with whom, from which programme, where.

"realizowany przez X", "lider projektu – X", "w partnerstwie z A, B oraz C", "w ramach <programme>",
"na terenie powiatu X". Cue words are data (``words.toml``).
"""
from __future__ import annotations

from loaders.constructions.places import coordinated
from loaders.doc import Doc, Mention
from loaders.lists import list_items
from loaders.matcher import Match
from loaders.names import nouns
from loaders.registry import construction
from loaders.relate import after, has, is_unit_host


def project_in(doc: Doc, s: int) -> str | None:
    """The project sentence ``s`` is about: one it names, or the last one named before if it says "projekt"."""
    here = doc.in_sentence(s, ("Project",), outer=False)
    if here:
        return doc.key(here[0])
    if has(doc, s, {"projekt"}):
        earlier = [m for m in doc.of_type("Project") if m.sentence < s]
        if earlier:
            return doc.key(earlier[-1])
    return None


@construction("project-roles", "relations", patterned=False)
def projects(doc: Doc) -> None:
    """Lead partner, partners, funders and area of the project a sentence is about."""
    g = doc.gaz
    realize, lead, partner = g.words("realize_cues"), g.words("lead_cues"), g.words("partner_cues")
    funding, area = g.words("funding_cues"), g.words("area_cues")
    by = "project-roles"
    for s in range(len(doc.sentences)):
        proj = project_in(doc, s)
        if proj is None:
            continue
        toks = doc.sentence_tokens(s)
        for n, t in enumerate(toks):
            low = t.text.lower()
            if t.lemmas & realize:
                przez = next((u for u in toks[n + 1:n + 4] if u.text.lower() == "przez"), None)
                if przez is not None:
                    objs = after(doc, s, przez.i + 1, ("Organization",))
                    if objs:
                        doc.relate("lead_partner", proj, doc.key(objs[0]), s, by)
            if t.lemmas & lead:
                objs = after(doc, s, t.i + 1, ("Organization",))
                if objs and objs[0].start - t.i <= 5:
                    doc.relate("lead_partner", proj, doc.key(objs[0]), s, by)
            if t.lemmas & partner and n and toks[n - 1].text.lower() in ("w", "we") or \
                    ("partner" in t.lemmas and low.startswith("partnera")):
                for m in after(doc, s, t.i + 1, ("Organization", "Person"), stop_at_clause=True):
                    if not is_unit_host(doc, m):
                        doc.relate("partner", proj, doc.key(m), s, by)
            if t.lemmas & funding:
                _funding(doc, proj, after(doc, s, t.i + 1, ("Programme",)), s)
                przez = next((u for u in toks[n + 1:n + 3] if u.text.lower() == "przez"), None)
                if przez is not None:  # "finansowany przez Narodowy Instytut Wolności": a body funds it
                    objs = after(doc, s, przez.i + 1, ("Organization",))
                    if objs and objs[0].start == przez.i + 1:
                        doc.relate("funder", proj, doc.key(objs[0]), s, by)
            if t.lemmas & area:
                nxt = [m for m in doc.in_sentence(s, ("County",), outer=False) if m.start > t.i]
                if nxt and nxt[0].start - t.i <= 3:
                    for m in coordinated(doc, nxt[0]):  # "w powiatach ełckim, gołdapskim i piskim"
                        doc.relate("about", proj, m.teryt, s, by)
    reg = g.register
    for m in doc.of_type("Project"):  # "Powiat jędrzejowski realizatorem …": a project named after a county
        words = m.name.split()
        if len(words) > 1 and words[0].lower() == "powiat":
            found = reg.counties_by_name(words[1].lower(), doc.region)
            if found and found[0].code in doc.entities:
                doc.relate("about", doc.key(m), found[0].code, m.sentence, by)


def _funding(doc: Doc, proj: str, programmes: list[Mention], s: int) -> None:
    """Funders of a project: each programme, and of a chain of numbered parts ("Oś 9, Działanie 9.3,
    Poddziałanie 9.3.2") only the most specific one, the others linked as parts of each other."""
    numbered = doc.gaz.words("numbered_parts")
    parts = [m for m in programmes if m.name.split()[0].lower() in numbered]
    for m in programmes:
        if m not in parts:
            doc.relate("funder", proj, doc.key(m), s, "project-roles")
    for inner, outer in zip(parts[1:], parts):
        doc.relate("part_of", doc.key(inner), doc.key(outer), s, "project-roles")
    if parts:
        doc.relate("funder", proj, doc.key(parts[-1]), s, "project-roles")


@construction("project-partners", "relations", slots=("cue",))
def project_partners(doc: Doc, match: Match) -> None:
    """ "Organizatorzy projektu – Fundacja X, Krajowy Ruch … i Gmina Y", "Partnerami projektu są: …", "Liderem
    projektu jest X"."""
    proj = project_in(doc, match.sentence)
    cue = match.span("cue")
    if proj is None or cue is None:
        return
    lead_cues = doc.gaz.words("lead_cues")
    kind = "lead_partner" if doc.tokens[cue[0]].lemmas & lead_cues else "partner"
    copula = doc.tok(cue[0] - 1)
    before = copula is not None and copula.sentence == match.sentence and bool(copula.lemmas & {"być", "zostać"})
    if copula is not None and before:  # "Fundacja X jest liderem projektu P"
        a, _ = doc.sentence_span(match.sentence)
        items = list_items(doc, a, match.sentence, stop=copula.i)
    else:
        items = list_items(doc, match.end, match.sentence)
    for it in items:
        first = it.mentions[0]
        lead = [t for t in doc.tokens[it.start:first.start] if t.is_word]
        if lead and not before:
            # "Liderem projektu jest X, a partnerem (jest) Y": the next clause names the other role
            roles = [t for t in lead if t.lemmas & (lead_cues | {"partner"})]
            if len(roles) != 1 or not all(t is roles[0] or t.text.lower() == "a" or t.lemmas & {"być", "zostać"}
                                          for t in lead):
                break  # "…, a jego partnerami są …" and any other clause: no item of this list
            kind = "lead_partner" if roles[0].lemmas & lead_cues else "partner"
        if first.type in ("Organization", "Person"):
            doc.relate(kind, proj, doc.key(first), it.sentence, "project-partners")


@construction("project-agent", "relations", slots=("cue",))
def project_agent(doc: Doc, match: Match) -> None:
    """The organisation acting "w ramach projektu P" or "na realizację projektu P" runs it with others: the agent
    after "przez" ("zaplanowane przez ROPS w ramach projektu …") or the subject in the nominative
    ("Regionalny Ośrodek … w ramach projektu … zorganizował")."""
    proj = next((m for m in doc.in_sentence(match.sentence, ("Project",), outer=False) if m.start >= match.start),
                None)
    if proj is None:
        return
    a, _ = doc.sentence_span(match.sentence)
    before = [m for m in doc.in_sentence(match.sentence, ("Organization",)) if m.end <= match.start]
    by = [m for m in before if doc.tok(m.start - 1) is not None and doc.tokens[m.start - 1].text.lower() == "przez"]
    subject = [m for m in before if _nominative(doc, m) and not _in_phrase(doc, m, a)]
    agent = by[-1:] or subject[:1]
    for m in agent:
        doc.relate("partner", doc.key(proj), doc.key(m), match.sentence, "project-agent")


def _nominative(doc: Doc, m: Mention) -> bool:
    return m.head < 0 or any("nom" in i.cases for i in nouns(doc.tokens[m.head]))


def _in_phrase(doc: Doc, m: Mention, a: int) -> bool:
    """Whether a preposition governs the mention ("dla Fundacji X", "z udziałem X")."""
    prev = doc.tok(m.start - 1)
    return prev is not None and prev.i >= a and prev.text.lower() in doc.gaz.mapping("preposition_case")
