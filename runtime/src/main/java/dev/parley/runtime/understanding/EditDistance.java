package dev.parley.runtime.understanding;

/** How far a typed word is from a known one, for forgiving one slip of the thumb. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * True when {@code a} becomes {@code b} by at most one insertion, deletion, substitution or swap of neighbours
     * ("cottn", "polyster", "purpel" for "cotton", "polyester", "purple").
     */
    static boolean withinOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(la, lb) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (la == lb) {
            String restA = a.substring(prefix + 1);
            String restB = b.substring(prefix + 1);
            if (restA.equals(restB)) {
                return true;
            }
            // A swap of neighbours: "purpel" for "purple".
            return prefix + 1 < la && a.charAt(prefix) == b.charAt(prefix + 1) && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.substring(prefix + 2).equals(b.substring(prefix + 2));
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        return longer.substring(prefix + 1).equals(shorter.substring(prefix));
    }
}
